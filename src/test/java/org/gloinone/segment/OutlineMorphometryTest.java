package org.gloinone.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutlineMorphometryTest {

    private static boolean[] disc(int w, int h, double cx, double cy, double r) {
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
            }
        }
        return m;
    }

    @Test
    void tracedOutlineOfASquareIsItsFourCorners() {
        boolean[] m = new boolean[6 * 5];
        for (int y = 1; y < 4; y++) {
            for (int x = 2; x < 5; x++) {
                m[y * 6 + x] = true;
            }
        }
        double[][] p = MaskOutline.trace(m, 6, 5);
        assertEquals(4, p[0].length);
        assertEquals(9, PolygonMeasures.area(p[0], p[1]), 1e-12);
        assertEquals(12, PolygonMeasures.perimeter(p[0], p[1]), 1e-12);
        assertEquals(2, p[0][0], 0);
        assertEquals(1, p[1][0], 0);
    }

    @Test
    void tracedAreaEqualsThePixelCountForAnyShape() {
        // An L shape with a diagonal (8-connected) appendix.
        int w = 7;
        int h = 7;
        boolean[] m = new boolean[w * h];
        int[][] on = {{1, 1}, {1, 2}, {1, 3}, {2, 3}, {3, 3}, {4, 4}, {5, 5}};
        for (int[] p : on) {
            m[p[1] * w + p[0]] = true;
        }
        double[][] p = MaskOutline.trace(m, w, h);
        assertEquals(on.length, PolygonMeasures.area(p[0], p[1]), 1e-12);
    }

    @Test
    void emptyMaskHasNoOutline() {
        assertNull(MaskOutline.trace(new boolean[16], 4, 4));
        assertNull(CentreComponent.select(new boolean[16], 4, 4, 2, 2));
    }

    @Test
    void drawnDiscGivesItsAreaAndACircularityNearOne() {
        int size = 256;
        double r = 80;
        boolean[] m = disc(size, size, 128, 128, r);
        double[][] traced = MaskOutline.trace(m, size, size);
        double[][] simple = MaskOutline.simplify(traced[0], traced[1], 1.0);
        assertTrue(simple[0].length < traced[0].length, "simplification dropped vertices");
        Outline outline = new Outline(simple[0], simple[1]);
        double mpp = 0.5;
        Morphometry m2 = Morphometry.of(outline, mpp);
        double area = Math.PI * r * r * mpp * mpp;
        assertEquals(area, m2.areaMicrons2(), 0.02 * area);
        assertEquals(2 * r * mpp, m2.equivalentDiameterMicrons(), 0.01 * 2 * r * mpp);
        assertEquals(2 * Math.PI * r * mpp, m2.perimeterMicrons(), 0.03 * 2 * Math.PI * r * mpp);
        assertEquals(1.0, m2.circularity(), 0.05);
        assertEquals(1.0, m2.solidity(), 0.02);
        // Every traced vertex lies within the tolerance of the simplified polygon.
        for (int i = 0; i < traced[0].length; i++) {
            assertTrue(distanceToPolygon(traced[0][i], traced[1][i], simple) <= 1.0 + 1e-9);
        }
    }

    @Test
    void concaveShapeHasLowerSolidity() {
        // A 'C' shape: a disc with a wide notch.
        int size = 200;
        boolean[] m = disc(size, size, 100, 100, 80);
        for (int y = 70; y < 130; y++) {
            for (int x = 100; x < 200; x++) {
                m[y * size + x] = false;
            }
        }
        double[][] t = MaskOutline.trace(m, size, size);
        Morphometry c = Morphometry.of(new Outline(t[0], t[1]), 1.0);
        assertTrue(c.solidity() < 0.9 && c.solidity() > 0.7, "solidity " + c.solidity());
    }

    @Test
    void componentHoldingTheCentreOrElseTheNearestIsChosen() {
        int w = 100;
        int h = 50;
        boolean[] a = disc(w, h, 25, 25, 10);
        boolean[] b = disc(w, h, 75, 25, 10);
        boolean[] both = new boolean[w * h];
        for (int i = 0; i < both.length; i++) {
            both[i] = a[i] || b[i];
        }
        boolean[] chosen = CentreComponent.select(both, w, h, 76, 24);
        assertTrue(chosen[25 * w + 75] && !chosen[25 * w + 25]);
        chosen = CentreComponent.select(both, w, h, 40, 25); // on background, nearer the left disc
        assertTrue(chosen[25 * w + 25] && !chosen[25 * w + 75]);
    }

    private static double distanceToPolygon(double px, double py, double[][] poly) {
        double best = Double.POSITIVE_INFINITY;
        int n = poly[0].length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double ax = poly[0][j];
            double ay = poly[1][j];
            double vx = poly[0][i] - ax;
            double vy = poly[1][i] - ay;
            double len2 = vx * vx + vy * vy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
            best = Math.min(best, Math.hypot(px - ax - t * vx, py - ay - t * vy));
        }
        return best;
    }
}
