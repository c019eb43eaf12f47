package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaskMetricsTest {

    /** Draws a mask from rows of '#' (foreground) and '.'. */
    static BinaryMask mask(String... rows) {
        int w = rows[0].length();
        boolean[] p = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return new BinaryMask(w, rows.length, p);
    }

    @Test
    void diceAndIouOfOverlappingMasks() {
        BinaryMask truth = mask("##..", "##..", "....", "....");
        BinaryMask predicted = mask("###.", "###.", "....", "....");
        MaskOverlap o = MaskOverlap.of(truth, predicted);
        assertEquals(4, o.intersection());
        assertEquals(6, o.union());
        assertEquals(0.8, o.dice(), 1e-12); // 2*4 / (4+6)
        assertEquals(4.0 / 6.0, o.iou(), 1e-12);
    }

    @Test
    void disjointAndEmptyMasks() {
        BinaryMask truth = mask("#...", "....");
        BinaryMask other = mask("...#", "....");
        BinaryMask empty = mask("....", "....");
        assertEquals(0, MaskOverlap.of(truth, other).dice());
        assertEquals(0, MaskOverlap.of(truth, empty).iou());
        assertEquals(1, MaskOverlap.of(empty, empty).dice());
        assertEquals(0, MaskOverlap.missed(10).dice());
    }

    @Test
    void sizeMismatchIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaskOverlap.of(mask("##", "##"), mask("###", "###")));
        assertEquals("mask sizes differ: truth 2x2, predicted 3x2", e.getMessage());
    }

    @Test
    void argbMaskUsesAnyChannelAbove127() {
        BinaryMask m = BinaryMask.fromArgb(4, 1, new int[] {0xff800000, 0xff7f7f7f, 0x00000080, 0xff000000});
        assertEquals(List.of(true, false, true, false),
                List.of(m.get(0, 0), m.get(1, 0), m.get(2, 0), m.get(3, 0)));
    }

    @Test
    void componentsAreEightConnectedWithCentroidAtPixelCentres() {
        BinaryMask m = mask(
                "#.....",
                ".#...#",
                "....##");
        List<MaskComponent> c = ConnectedComponents.of(m);
        assertEquals(2, c.size());
        assertEquals(2, c.get(0).area()); // the diagonal pair is one component
        assertEquals(1.0, c.get(0).centroidX(), 1e-12); // pixel centres 0.5 and 1.5
        assertEquals(1.0, c.get(0).centroidY(), 1e-12);
        assertEquals(3, c.get(1).area());
        assertEquals((5.5 + 4.5 + 5.5) / 3, c.get(1).centroidX(), 1e-12);
        assertEquals((1.5 + 2.5 + 2.5) / 3, c.get(1).centroidY(), 1e-12);
        assertEquals(Math.sqrt(3 / Math.PI), c.get(1).equalAreaCircle().radius(), 1e-12);
        assertEquals(true, c.get(1).contains(4.2, 2.9));
        assertEquals(false, c.get(1).contains(4.2, 1.9));
        assertEquals(m, new BinaryMask(6, 3, orMasks(c.get(0).toMask(6, 3), c.get(1).toMask(6, 3))));
    }

    @Test
    void summaryUsesSampleStandardDeviation() {
        MeanAndSpread s = MeanAndSpread.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), s.standardDeviation(), 1e-12);
        assertEquals(4, s.n());
        assertEquals(Double.NaN, MeanAndSpread.of(new double[] {1}).standardDeviation());
    }

    private static boolean[] orMasks(BinaryMask a, BinaryMask b) {
        boolean[] p = a.pixels();
        boolean[] q = b.pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] |= q[i];
        }
        return p;
    }
}
