package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LinearProbeTest {

    @Test
    void separatesClassesThatDifferAlongOneFeature() {
        // feature 0 carries the class, feature 1 is noise; 30 negatives, 10 positives
        Random rnd = new Random(5);
        int n = 40;
        float[] x = new float[n * 2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4 == 0;
            x[2 * i] = (float) ((y[i] ? 1.5 : -1.5) + 0.5 * rnd.nextGaussian());
            x[2 * i + 1] = (float) rnd.nextGaussian();
        }
        LinearProbe probe = LinearProbe.fit(x, y, 2, 0.01);
        double[] p = probe.probabilities(new float[] {2, 0, -2, 0, 0.3f, 5}, 2);
        assertTrue(p[0] > 0.95 && p[1] < 0.05, p[0] + " " + p[1]);
        // class weighting: the midpoint between the class means scores about 0.5 despite the 3:1 imbalance
        double[] mid = probe.probabilities(new float[] {0, 0}, 2);
        assertEquals(0.5, mid[0], 0.15);
    }

    @Test
    void solvesALinearSystemThatNeedsPivoting() {
        // x = (1, 2, 1); the first pivot is 0, so a row swap is needed
        double[][] a = {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}};
        assertArrayEquals(new double[] {1, 2, 1}, LinearProbe.solve(a, new double[] {5, 3, 4}), 1e-12);
    }
}
