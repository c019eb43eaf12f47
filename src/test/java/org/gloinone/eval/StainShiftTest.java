package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gloinone.stain.HedColour;

import org.junit.jupiter.api.Test;

/** Colour deconvolution and the fixed stain shifts of evaluation. */
class StainShiftTest {
    /** A PAS-stained glomerulus' pink-purple, channel values in 0-1. */
    private static final double[] PAS = {0.72, 0.45, 0.68};

    @Test
    void restainingByOneChangesNothing() {
        double[] p = PAS.clone();
        HedColour.restain(p, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        assertArrayEquals(PAS, p, 1e-12);
    }

    @Test
    void aFactorScalesItsOwnStainAlone() {
        double[] before = HedColour.densities(PAS);
        double[] p = PAS.clone();
        HedColour.restain(p, new double[] {2, 1, 1}, new double[] {0, 0, 0});
        double[] after = HedColour.densities(p);
        assertEquals(2 * before[0], after[0], 1e-9);
        assertEquals(before[1], after[1], 1e-9);
        assertEquals(before[2], after[2], 1e-9);
        // more haematoxylin absorbs red most: the pixel turns bluer and darker
        assertTrue(p[0] < PAS[0] && p[0] / p[2] < PAS[0] / PAS[2], java.util.Arrays.toString(p));
    }

    @Test
    void shiftsDarkenOrFadeStainedPixelsAndLeaveGlassAndAlpha() {
        int pas = 0x80000000 | 184 << 16 | 115 << 8 | 173;
        int glass = 0xff000000 | 255 << 16 | 255 << 8 | 255;
        RgbImage image = new RgbImage(2, 1, new int[] {pas, glass});
        RgbImage dark = StainShift.DARK.apply(image);
        RgbImage faded = StainShift.FADED.apply(image);
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int v = (pas >> shift) & 0xff;
            assertTrue(((dark.argb()[0] >> shift) & 0xff) < v, "dark channel " + c);
            assertTrue(((faded.argb()[0] >> shift) & 0xff) > v, "faded channel " + c);
        }
        assertEquals(0x80, dark.argb()[0] >>> 24);
        assertEquals(glass, dark.argb()[1]);
        assertEquals(glass, faded.argb()[1]);
        assertEquals(184 << 16 | 115 << 8 | 173, image.argb()[0] & 0xffffff, "the input is left alone");
    }

    @Test
    void namesAreReadWithoutCaseAndAnUnknownOneListsTheKnown() {
        assertEquals(StainShift.MAGENTA, StainShift.of(" Magenta"));
        assertEquals("blue", StainShift.BLUE.word());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainShift.of("green"));
        assertEquals("unknown stain shift 'green'; known: faded, dark, blue, magenta", e.getMessage());
    }
}
