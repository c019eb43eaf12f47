package org.gloinone.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CircleIouTest {

    @Test
    void equalCirclesHaveIouOne() {
        Circle c = new Circle(10, 20, 5);
        assertEquals(1.0, CircleIou.of(c, c), 1e-12);
    }

    @Test
    void concentricCirclesOverlapByTheirAreaRatio() {
        assertEquals(0.25, CircleIou.of(new Circle(0, 0, 1), new Circle(0, 0, 2)), 1e-12);
    }

    @Test
    void containedCircleOverlapsByItsAreaOverTheOuterArea() {
        // Off-centre but wholly inside: IoU = (1/3)^2.
        assertEquals(1.0 / 9, CircleIou.of(new Circle(1, 0, 1), new Circle(0, 0, 3)), 1e-12);
    }

    @Test
    void disjointAndTangentCirclesDoNotOverlap() {
        assertEquals(0, CircleIou.of(new Circle(0, 0, 1), new Circle(5, 0, 1)));
        assertEquals(0, CircleIou.of(new Circle(0, 0, 1), new Circle(2, 0, 1)));
        assertEquals(0, CircleIou.of(new Circle(0, 0, 2), new Circle(0, 3, 1)), 1e-12);
    }

    @Test
    void unitCirclesOneRadiusApartMatchTheClosedForm() {
        // Lens of two unit circles at distance 1: 2 pi/3 - sqrt(3)/2.
        double lens = 2 * Math.PI / 3 - Math.sqrt(3) / 2;
        assertEquals(lens, CircleIou.intersectionArea(new Circle(0, 0, 1), new Circle(1, 0, 1)), 1e-12);
        assertEquals(lens / (2 * Math.PI - lens), CircleIou.of(new Circle(0, 0, 1), new Circle(1, 0, 1)), 1e-12);
    }

    @Test
    void partialOverlapMatchesNumericIntegration() {
        Circle a = new Circle(3.0, 4.0, 5.0);
        Circle b = new Circle(9.5, 2.0, 3.5);
        int n = 2000;
        double x0 = -2;
        double y0 = -2;
        double step = 16.0 / n;
        long both = 0;
        for (int j = 0; j < n; j++) {
            double y = y0 + (j + 0.5) * step;
            for (int i = 0; i < n; i++) {
                double x = x0 + (i + 0.5) * step;
                if (inside(a, x, y) && inside(b, x, y)) {
                    both++;
                }
            }
        }
        double numeric = both * step * step;
        assertEquals(numeric, CircleIou.intersectionArea(a, b), 0.01 * numeric);
        double iou = numeric / (a.area() + b.area() - numeric);
        assertEquals(iou, CircleIou.of(a, b), 0.01 * iou);
    }

    @Test
    void iouIsSymmetric() {
        Circle a = new Circle(0, 0, 4);
        Circle b = new Circle(3, 1, 2);
        assertEquals(CircleIou.of(a, b), CircleIou.of(b, a), 1e-15);
    }

    private static boolean inside(Circle c, double x, double y) {
        return Math.hypot(x - c.centerX(), y - c.centerY()) <= c.radius();
    }
}
