package org.gloinone.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;

import javax.imageio.ImageIO;

import org.gloinone.slide.InMemorySlide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TissueMaskTest {
    private static final Path TILES = Path.of("../shared/data/kidney-tiles");
    private static final int GLASS = 0xfff4f2f5;
    private static final int TISSUE = 0xffd99ac8;

    @Test
    void syntheticTissueWithALumenIsFoundAndTheLumenIsFilled() throws IOException {
        int w = 800;
        int h = 600;
        int[] px = new int[w * h];
        Arrays.fill(px, GLASS);
        // Tissue block 400x296 at (96, 96) with a 104x104 glass lumen in the middle; a dark blob.
        // Edges lie on the 8-px mask grid so that no mask pixel is part glass.
        for (int y = 96; y < 392; y++) {
            for (int x = 96; x < 496; x++) {
                boolean lumen = x >= 248 && x < 352 && y >= 200 && y < 304;
                px[y * w + x] = lumen ? GLASS : TISSUE;
            }
        }
        for (int y = 448; y < 552; y++) {
            for (int x = 600; x < 696; x++) {
                px[y * w + x] = 0xff5a3a70;
            }
        }
        InMemorySlide slide = new InMemorySlide(px, w, h, OptionalDouble.of(0.5));
        TissueMask mask = TissueMask.of(slide, 8);
        assertEquals(100, mask.width());
        assertEquals(75, mask.height());
        double expected = 400 * 296 + 96 * 104; // lumen filled; blob counted
        assertEquals(expected, mask.tissueAreaPixels0(), 1e-9);
        assertEquals(expected * 0.25 / 1e6, mask.tissueAreaMm2(0.5), 1e-12);
        assertEquals(1.0, mask.tissueFraction(248, 200, 104, 104), 1e-9, "lumen counts as tissue");
        assertEquals(0.0, mask.tissueFraction(520, 0, 270, 90), 1e-9);
        assertEquals(0.5, mask.tissueFraction(296, 96, 400, 296), 1e-9);
        assertEquals(0.0, mask.tissueFraction(-1000, -1000, 500, 500), 1e-9, "outside the slide is glass");
    }

    @Test
    void allGlassHasNoTissue() throws IOException {
        int[] px = new int[200 * 100];
        Arrays.fill(px, GLASS);
        TissueMask mask = TissueMask.of(new InMemorySlide(px, 200, 100, OptionalDouble.of(0.5)), 4);
        assertEquals(0, mask.tissuePixels());
    }

    @Test
    void otsuSplitsTwoModes() {
        int[] histogram = new int[256];
        histogram[40] = 500;
        histogram[200] = 300;
        int t = TissueMask.otsu(histogram);
        assertTrue(t >= 40 && t < 200, "threshold " + t);
    }

    @Test
    void realKidneyTileGlassAboveTissueBelowAndGlomeruliInside() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(TILES), "kidney tiles not present under " + TILES);
        // 10003: glass across the top quarter, tissue below.
        InMemorySlide slide = load(TILES.resolve("images/10003.png"));
        TissueMask mask = TissueMask.of(slide, 16);
        assertTrue(mask.tissueFraction(300, 0, 700, 150) < 0.05, "glass at the top");
        assertTrue(mask.tissueFraction(0, 700, 1024, 324) > 0.95, "tissue at the bottom");
        double all = mask.tissueFraction(0, 0, 1024, 1024);
        assertTrue(all > 0.55 && all < 0.9, "tissue fraction " + all);

        // 10164 holds a glomerulus: its pixels must lie in tissue. Only pixels away from the tile's edge
        // count: lumina cut open by the edge connect to the outside and are rightly not filled.
        InMemorySlide withGlomerulus = load(TILES.resolve("images/10164.png"));
        TissueMask mask2 = TissueMask.of(withGlomerulus, 16);
        BufferedImage glomeruli = ImageIO.read(TILES.resolve("masks/10164.png").toFile());
        long inGlomerulus = 0;
        long inTissue = 0;
        for (int y = 0; y < glomeruli.getHeight(); y++) {
            for (int x = 0; x < glomeruli.getWidth(); x++) {
                boolean interior = x >= 100 && y >= 100 && x < 924 && y < 924;
                if (interior && ((glomeruli.getRGB(x, y) >> 16) & 0xff) > 127) {
                    inGlomerulus++;
                    int mx = Math.min(mask2.width() - 1, x * mask2.width() / 1024);
                    int my = Math.min(mask2.height() - 1, y * mask2.height() / 1024);
                    inTissue += mask2.isTissue(mx, my) ? 1 : 0;
                }
            }
        }
        assertTrue(inGlomerulus > 10_000, "the mask shows a glomerulus");
        assertTrue(inTissue >= 0.98 * inGlomerulus, inTissue + " of " + inGlomerulus + " glomerulus pixels in tissue");
        assertFalse(mask2.tissueFraction(0, 0, 1024, 1024) > 0.99, "the lumina at the left are glass");
    }

    private static InMemorySlide load(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        return new InMemorySlide(px, w, h, OptionalDouble.of(0.5));
    }
}
