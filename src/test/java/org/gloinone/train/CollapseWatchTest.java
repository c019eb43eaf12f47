package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CollapseWatchTest {

    @Test
    void spreadOfIdenticalOutputsIsZero() {
        float[] rows = new float[10 * 4];
        for (int i = 0; i < 10; i++) {
            System.arraycopy(new float[] {1, -2, 0.5f, 3}, 0, rows, i * 4, 4);
        }
        assertEquals(0, CollapseWatch.spread(rows, 10, 4), 1e-7);
    }

    @Test
    void spreadOfIsotropicOutputsIsAboutOneOverSqrtD() {
        int n = 4000;
        int d = 64;
        float[] rows = new float[n * d];
        Random rnd = new Random(3);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) rnd.nextGaussian();
        }
        assertEquals(1 / Math.sqrt(d), CollapseWatch.spread(rows, n, d), 0.05 / Math.sqrt(d));
    }

    @Test
    void spreadOfTwoOppositeRowsIsHandComputed() {
        // unit rows (1,0) and (-1,0): column 0 has std 1, column 1 has std 0 -> mean 0.5
        assertEquals(0.5, CollapseWatch.spread(new float[] {2, 0, -5, 0}, 2, 2), 1e-9);
    }

    @Test
    void collapseStopsTrainingAndHealthyOutputsPass() {
        CollapseWatch watch = new CollapseWatch(TrainingListener.silent());
        double healthy = 1 / Math.sqrt(64);
        watch.epoch(1, -0.5, Map.of(CollapseWatch.SPREAD, 0.9 * healthy, CollapseWatch.HEALTHY, healthy));
        assertEquals(0.9 * healthy, watch.lastSpread(), 1e-12);
        var e = assertThrows(CollapseWatch.CollapseException.class, () -> watch.epoch(2, -0.99,
                Map.of(CollapseWatch.SPREAD, 0.01 * healthy, CollapseWatch.HEALTHY, healthy)));
        assertTrue(e.getMessage().contains("collapsed at epoch 2"), e.getMessage());
        // NaN (e.g. from a diverged network) counts as collapsed
        assertThrows(CollapseWatch.CollapseException.class, () -> watch.epoch(3, -0.99,
                Map.of(CollapseWatch.SPREAD, Double.NaN, CollapseWatch.HEALTHY, healthy)));
    }
}
