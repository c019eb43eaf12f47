package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pixel size a crop's mask implies, and the crop rendered at a coarser one. */
class CropRenderingTest {
    /** A 100 x 100 crop of alternating black and white columns whose mask is a 20 x 20 square. */
    private static ImageAndMask stripedCrop() {
        int[] argb = new int[100 * 100];
        boolean[] mask = new boolean[100 * 100];
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                argb[y * 100 + x] = x % 2 == 0 ? 0xFF000000 : 0xFFFFFFFF;
                mask[y * 100 + x] = x >= 40 && x < 60 && y >= 40 && y < 60;
            }
        }
        return new ImageAndMask(new RgbImage(100, 100, argb), new BinaryMask(100, 100, mask));
    }

    @Test
    void theMaskRadiusGivesThePixelSize() {
        // 400 px of mask: equal-area radius sqrt(400 / pi) = 11.284 px; a 90 um glomerulus -> 7.976 um/px
        assertEquals(90 / Math.sqrt(400 / Math.PI), new CropRendering(90).micronsPerPixel(stripedCrop().mask()), 1e-12);
        assertEquals(7.976, new CropRendering(90).micronsPerPixel(stripedCrop().mask()), 1e-3);
    }

    @Test
    void renderingAtTwiceThePixelSizeAveragesPairsOfPixels() throws Exception {
        // radius chosen so the crop is exactly 0.5 um/px; rendered at 1 um/px it is 50 x 50, each pixel the mean
        // of one black and one white column
        CropRendering rendering = new CropRendering(0.5 * Math.sqrt(400 / Math.PI));
        assertEquals(0.5, rendering.micronsPerPixel(stripedCrop().mask()), 1e-12);
        RgbImage seen = rendering.render(stripedCrop(), 1.0);
        assertEquals(50, seen.width());
        assertEquals(50, seen.height());
        for (int p : seen.argb()) {
            int red = (p >> 16) & 0xFF;
            assertTrue(Math.abs(red - 127.5) <= 1, "grey expected, got " + red);
        }
        assertEquals(20, rendering.render(stripedCrop(), 2.5).width());
    }

    @Test
    void anEmptyMaskOrAnImpossibleSizeIsRefused() {
        ImageAndMask empty = new ImageAndMask(new RgbImage(4, 4, new int[16]), new BinaryMask(4, 4, new boolean[16]));
        assertThrows(IllegalArgumentException.class, () -> new CropRendering(90).micronsPerPixel(empty.mask()));
        assertThrows(IllegalArgumentException.class, () -> new CropRendering(0));
        assertThrows(IllegalArgumentException.class, () -> new CropRendering(90).render(stripedCrop(), 0));
    }
}
