package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.gloinone.pipeline.SlideResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayWriterTest {
    private static final int GREY = 0xFF808080;

    @TempDir
    Path dir;

    /** A uniform grey thumbnail of the 80000 x 50000 sample slide at downsample 50. */
    private static Thumbnail thumbnail(int width, int height, double downsample) {
        int[] argb = new int[width * height];
        Arrays.fill(argb, GREY);
        return new Thumbnail(width, height, argb, downsample);
    }

    @Test
    void circlesInClassColoursAtTheirPlaces() throws IOException {
        SlideResult r = SampleResults.sample();
        Path file = dir.resolve("o.png");
        OverlayWriter.write(r, thumbnail(1600, 1000, 50), file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(1600, png.getWidth());
        assertEquals(1000, png.getHeight());
        // G2 sclerosed: centre (5000, 2000), r 120.5 -> thumbnail (100, 40), r 2.41; its rightmost point
        assertRedAround(png, 100 + 2.41, 40);
        // G3 normal: centre (70000.75, 40000.5), r 200 -> (1400.015, 800.01), r 4; the point below its centre
        assertGreenAround(png, 1400, 800 + 4);
        // far from any glomerulus the thumbnail is untouched
        assertEquals(0x808080, png.getRGB(800, 500) & 0xFFFFFF);
    }

    private static void assertRedAround(BufferedImage img, double x, double y) {
        assertTrue(anyAround(img, x, y, rgb -> red(rgb) > 180 && green(rgb) < 80), "no red near " + x + "," + y);
    }

    private static void assertGreenAround(BufferedImage img, double x, double y) {
        assertTrue(anyAround(img, x, y, rgb -> green(rgb) > 140 && red(rgb) < 80), "no green near " + x + "," + y);
    }

    private static boolean anyAround(BufferedImage img, double x, double y, java.util.function.IntPredicate test) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (test.test(img.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    @Test
    void legendShowsClassColoursAndText() {
        BufferedImage img = OverlayWriter.draw(SampleResults.sample(), thumbnail(1600, 1000, 50));
        // legend box at the bottom right: white background, a green and a red swatch, black text
        int greens = 0;
        int reds = 0;
        int blacks = 0;
        for (int y = 1000 - 120; y < 1000; y++) {
            for (int x = 1600 - 300; x < 1600; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                greens += rgb == 0x00B000 ? 1 : 0;
                reds += rgb == 0xE00000 ? 1 : 0;
                blacks += rgb == 0 ? 1 : 0;
            }
        }
        assertTrue(greens > 50 && reds > 50, greens + " green, " + reds + " red legend pixels");
        assertTrue(blacks > 20, "legend text was not drawn (" + blacks + " black pixels); fonts missing?");
    }

    @Test
    void largeThumbnailsShrinkToTheLimit() {
        BufferedImage img = OverlayWriter.draw(SampleResults.sample(), thumbnail(4000, 2500, 20));
        assertEquals(2048, img.getWidth());
        assertEquals(1280, img.getHeight());
        // G3 at level 0 (70000.75, 40000.5) r 200: scale 2048/4000/20 -> centre (1792, 1024), r 5.12
        assertGreenAround(img, 1792 + 5.12, 1024);
    }
}
