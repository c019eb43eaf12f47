package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void balancedAccuracyWithImbalancedClasses() {
        // 2 sclerosed, 10 normal: one sclerosed found, one missed; one normal called sclerosed.
        boolean[] truth = new boolean[12];
        boolean[] predicted = new boolean[12];
        truth[0] = true;
        truth[1] = true;
        predicted[0] = true;
        predicted[5] = true;
        BinaryConfusion c = BinaryConfusion.of(truth, predicted);
        assertEquals(new BinaryConfusion(1, 1, 9, 1), c);
        assertEquals(0.5, c.sensitivity(), 1e-12);
        assertEquals(0.9, c.specificity(), 1e-12);
        assertEquals(0.7, c.balancedAccuracy(), 1e-12);
        assertEquals(10.0 / 12.0, c.accuracy(), 1e-12); // plain accuracy flatters the majority class
        assertEquals(0.5, c.precision(), 1e-12);
        assertEquals(0.5, c.f1(), 1e-12); // 2*1 / (2*1 + 1 + 1)
    }

    @Test
    void undefinedScoresAreNaN() {
        BinaryConfusion c = new BinaryConfusion(0, 0, 3, 0);
        assertEquals(Double.NaN, c.sensitivity());
        assertEquals(1.0, c.specificity());
        assertEquals(Double.NaN, c.f1());
    }

    @Test
    void aucCountsTiedPairsAsHalf() {
        // positives 0.8, 0.5; negatives 0.5, 0.2, 0.5. Pairs won: 0.8 beats all 3; 0.5 beats 0.2 and ties two 0.5s.
        double[] scores = {0.8, 0.5, 0.5, 0.2, 0.5};
        boolean[] positive = {true, true, false, false, false};
        assertEquals((3 + 1 + 0.5 + 0.5) / 6.0, RocAuc.of(scores, positive), 1e-12);
    }

    @Test
    void aucOfPerfectReversedAndConstantScores() {
        boolean[] positive = {true, false, true, false};
        assertEquals(1.0, RocAuc.of(new double[] {0.9, 0.1, 0.8, 0.2}, positive), 1e-12);
        assertEquals(0.0, RocAuc.of(new double[] {0.1, 0.9, 0.2, 0.8}, positive), 1e-12);
        assertEquals(0.5, RocAuc.of(new double[] {0.3, 0.3, 0.3, 0.3}, positive), 1e-12);
        assertEquals(Double.NaN, RocAuc.of(new double[] {0.3, 0.4}, new boolean[] {true, true}));
    }
}
