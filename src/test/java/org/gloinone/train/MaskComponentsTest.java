package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.eval.BinaryMask;
import org.gloinone.eval.TileGroundTruth;
import org.junit.jupiter.api.Test;

class MaskComponentsTest {
    @Test
    void circlesAreCentroidAndEqualAreaRadiusAndSmallOnesAreDropped() {
        FloatImage mask = FloatImage.zeros(20, 10, 1);
        for (int y = 1; y <= 4; y++) {
            for (int x = 2; x <= 7; x++) {
                mask.set(x, y, 0, 1f); // 6 x 4 box at (2, 1): 24 pixels, centroid (5, 3) in pixel-edge units
            }
        }
        mask.set(15, 8, 0, 0.9f); // a 2-pixel sliver, diagonal (8-connected)
        mask.set(16, 7, 0, 0.9f);
        mask.set(18, 2, 0, 0.5f); // not above 0.5: background
        List<Circle> both = MaskComponents.circles(mask, 2);
        assertEquals(2, both.size());
        assertCircle(5, 3, Math.sqrt(24 / Math.PI), both.get(0));
        assertCircle(16, 8, Math.sqrt(2 / Math.PI), both.get(1));
        List<Circle> big = MaskComponents.circles(mask, 3);
        assertEquals(1, big.size());
        assertCircle(5, 3, Math.sqrt(24 / Math.PI), big.get(0));
    }

    /**
     * The detector is trained on these circles and scored against the evaluation's: an elongated glomerulus, where
     * a box-enclosing circle would be 1.41 times the equal-area one, must give the same circle to both.
     */
    @Test
    void trainingTargetsAreTheEvaluationsGroundTruthCircles() {
        int w = 40;
        int h = 30;
        FloatImage mask = FloatImage.zeros(w, h, 1);
        float[] values = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - 20) / 14;
                double dy = (y + 0.5 - 15) / 7;
                if (dx * dx + dy * dy <= 1) { // a 2:1 ellipse
                    mask.set(x, y, 0, 1f);
                    values[y * w + x] = 1f;
                }
            }
        }
        List<Circle> truth = TileGroundTruth.fromMask(BinaryMask.fromProbabilities(w, h, values, 0.5), 1, 0)
                .circles();
        List<Circle> targets = MaskComponents.circles(mask, 0);
        assertEquals(1, truth.size());
        assertEquals(1, targets.size());
        assertCircle(truth.get(0).centerX(), truth.get(0).centerY(), truth.get(0).radius(), targets.get(0));
        assertEquals(Math.sqrt(14 * 7), targets.get(0).radius(), 0.3); // the ellipse's equal-area radius
    }

    private static void assertCircle(double x, double y, double r, Circle c) {
        assertEquals(x, c.centerX(), 1e-9, "centre x");
        assertEquals(y, c.centerY(), 1e-9, "centre y");
        assertEquals(r, c.radius(), 1e-9, "radius");
    }
}
