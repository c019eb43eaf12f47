package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchWriterTest {
    @TempDir
    Path dir;

    static GlomerulusPatch patch(boolean withMask) {
        int w = 4;
        int h = 3;
        int[] argb = new int[w * h];
        byte[] mask = new byte[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | (i * 20) << 16 | 0x0000FF;
            mask[i] = (byte) (i % 2 == 0 ? 1 : 0);
        }
        return new GlomerulusPatch(1, "normal", 1200, 3400, 300, 300, w, h, argb,
                withMask ? Optional.of(mask) : Optional.empty());
    }

    @Test
    void writesImageAndMaskNamedAfterSlideIdAndBox() throws IOException {
        Path image = PatchWriter.write("kidney 7", patch(true), dir);
        assertEquals(dir.resolve("patches/normal/kidney 7-G0001-x1200-y3400-w300-h300.png"), image);
        BufferedImage img = ImageIO.read(image.toFile());
        assertEquals(4, img.getWidth());
        assertEquals(3, img.getHeight());
        assertEquals(0xFF0000FF | (5 * 20) << 16, img.getRGB(1, 1));
        BufferedImage mask = ImageIO.read(dir.resolve("masks/kidney 7-G0001-x1200-y3400-w300-h300.png").toFile());
        assertEquals(255, mask.getRaster().getSample(0, 0, 0));
        assertEquals(0, mask.getRaster().getSample(1, 0, 0));
    }

    @Test
    void noMaskFolderWithoutMask() throws IOException {
        PatchWriter.write("s", patch(false), dir);
        assertTrue(Files.isDirectory(dir.resolve("patches/normal")));
        assertTrue(Files.notExists(dir.resolve("masks")));
    }

    @Test
    void sizesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GlomerulusPatch(7, "x", 0, 0, 1, 1, 2, 2, new int[3], Optional.empty()));
        assertEquals("patch of G7: 3 pixels for 2x2", e.getMessage());
    }
}
