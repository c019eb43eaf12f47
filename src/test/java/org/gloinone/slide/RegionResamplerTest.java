package org.gloinone.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class RegionResamplerTest {

    private static int grey(int v) {
        return 0xff000000 | (v << 16) | (v << 8) | v;
    }

    /** 8x8 level 0 with value 10*x + y in every channel; a 4x4 level 1 filled with 7. */
    private static InMemorySlide twoLevels() {
        int[] l0 = new int[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                l0[y * 8 + x] = grey(10 * x + y);
            }
        }
        int[] l1 = new int[16];
        java.util.Arrays.fill(l1, grey(7));
        return new InMemorySlide(l0, 8, 8, OptionalDouble.of(0.5)).addLevel(l1, 4, 4, 2.0);
    }

    private static int[] pixels(net.imglib2.img.array.ArrayImg<?, net.imglib2.img.basictypeaccess.array.IntArray> img) {
        return img.update(null).getCurrentStorageArray();
    }

    @Test
    void sameSizeIsAnExactCopyOfLevelZero() throws IOException {
        Slide s = twoLevels();
        assertArrayEquals(pixels(s.readRegion(0, 2, 3, 4, 2)), pixels(s.readScaled(2, 3, 4, 2, 4, 2)));
    }

    @Test
    void shrinkingReadsTheCoarserLevelWhenItIsFineEnough() throws IOException {
        Slide s = twoLevels();
        int[] out = pixels(s.readScaled(0, 0, 8, 8, 4, 4));
        for (int p : out) {
            assertEquals(grey(7), p);
        }
    }

    @Test
    void shrinkingByThreeAveragesCoveredAreaOnLevelOne() throws IOException {
        // 6x6 level-0 box to 2x2: downsample 3 picks level 1 (2 <= 3), 1.5 level-1 px per output px.
        Slide s = twoLevels();
        int[] out = pixels(s.readScaled(0, 0, 6, 6, 2, 2));
        assertEquals(grey(7), out[0]);
    }

    @Test
    void areaAveragingOnLevelZero() throws IOException {
        int[] l0 = {grey(0), grey(100), grey(200), grey(40)};
        Slide s = new InMemorySlide(l0, 4, 1, OptionalDouble.empty());
        int[] out = pixels(s.readScaled(0, 0, 4, 1, 2, 1));
        assertArrayEquals(new int[] {grey(50), grey(120)}, out);
    }

    @Test
    void enlargingInterpolatesBilinearly() throws IOException {
        int[] l0 = {grey(0), grey(100)};
        Slide s = new InMemorySlide(l0, 2, 1, OptionalDouble.empty());
        // Output 4 px over 2 source px: centres at source -0.25, 0.25, 0.75, 1.25.
        int[] out = pixels(s.readScaled(0, 0, 2, 1, 4, 1));
        // The -0.25 tap blends with the transparent outside (alpha 0), so look at the inner two.
        assertEquals(grey(25) & 0xffffff, out[1] & 0xffffff);
        assertEquals(grey(75) & 0xffffff, out[2] & 0xffffff);
    }

    @Test
    void readAtResolutionSizesTheOutputFromMicronsPerPixel() throws IOException {
        Slide s = twoLevels();
        var img = s.readAtResolution(1.0, 0, 0, 8, 6);
        assertEquals(4, img.dimension(0));
        assertEquals(3, img.dimension(1));
    }

    @Test
    void unknownPixelSizeIsAClearError() {
        Slide s = new InMemorySlide(new int[4], 2, 2, OptionalDouble.empty());
        SlideException e = assertThrows(SlideException.class, () -> s.bestLevelFor(1.0));
        assertEquals("in-memory.tif: the file does not say its pixel size (um/px); give it explicitly "
                + "(e.g. --mpp 0.5 on the command line)", e.getMessage());
    }

    @Test
    void bestLevelToleratesNonIntegerDownsamples() {
        int[] px = new int[300 * 250];
        InMemorySlide s = new InMemorySlide(px, 300, 250, OptionalDouble.of(0.25))
                .addLevel(new int[150 * 125], 150, 125, 2.0)
                .addLevel(new int[75 * 62], 75, 62, 4.016);
        assertEquals(2, s.bestLevelForDownsample(4.0));
        assertEquals(1, s.bestLevelForDownsample(3.9));
        assertEquals(0, s.bestLevelForDownsample(0.5));
    }
}
