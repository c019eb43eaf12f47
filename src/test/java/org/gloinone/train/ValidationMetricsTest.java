package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleIou;
import org.gloinone.eval.RocAuc;
import org.junit.jupiter.api.Test;

class ValidationMetricsTest {

    @Test
    void diceOfHalfOverlap() {
        assertEquals(0.5, ValidationMetrics.dice(new float[] {1, 1, 0, 0}, new float[] {0, 1, 1, 0}), 1e-9);
    }

    @Test
    void aucCountsPairsAndTies() {
        // positives 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4, 0.9>0.1, 0.4=0.4 half, 0.4>0.1) = 3.5 / 4
        assertEquals(0.875, RocAuc.of(new double[] {0.9, 0.4, 0.4, 0.1},
                new boolean[] {true, true, false, false}), 1e-9);
    }

    @Test
    void balancedAccuracyAveragesRecalls() {
        // class 0 recall 1/2, class 1 recall 1/1
        assertEquals(0.75, ValidationMetrics.balancedAccuracy(new int[] {0, 1, 1}, new int[] {0, 0, 1}, 2), 1e-9);
    }

    @Test
    void circleIouOfIdenticalDisjointAndNested() {
        Circle a = new Circle(0, 0, 2);
        assertEquals(1, CircleIou.of(a, a), 1e-9);
        assertEquals(0, CircleIou.of(a, new Circle(10, 0, 2)), 1e-9);
        assertEquals(0.25, CircleIou.of(a, new Circle(0, 0, 1)), 1e-9);
    }

    @Test
    void averagePrecisionRanksFalsePositiveBelowTruePositive() {
        List<List<Circle>> truth = List.of(List.of(new Circle(10, 10, 5), new Circle(40, 40, 5)));
        List<ValidationMetrics.Scored> dets = List.of(
                new ValidationMetrics.Scored(0, new Circle(10, 10, 5), 0.9),
                new ValidationMetrics.Scored(0, new Circle(80, 80, 5), 0.8),
                new ValidationMetrics.Scored(0, new Circle(40, 41, 5), 0.7));
        // recall 0.5 at precision 1, recall 1 at precision 2/3
        assertEquals(0.5 * 1 + 0.5 * (2.0 / 3), ValidationMetrics.averagePrecision(dets, truth, 0.5), 1e-9);
    }

    @Test
    void ignoredTruthIsNeitherMissNorHitNorFalsePositive() {
        List<List<Circle>> truth = List.of(List.of(new Circle(10, 10, 5), new Circle(40, 40, 5)));
        List<boolean[]> ignored = List.of(new boolean[] {false, true});
        List<ValidationMetrics.Scored> dets = List.of(
                new ValidationMetrics.Scored(0, new Circle(40, 40, 5), 0.9),
                new ValidationMetrics.Scored(0, new Circle(10, 10, 5), 0.8));
        assertEquals(1.0, ValidationMetrics.averagePrecision(dets, truth, ignored, 0.5), 1e-9);
        // without the flag, the same detections find both
        assertEquals(1.0, ValidationMetrics.averagePrecision(dets, truth, 0.5), 1e-9);
        // a missed ignored circle costs nothing; a missed counted one halves the recall
        assertEquals(1.0, ValidationMetrics.averagePrecision(dets.subList(1, 2), truth, ignored, 0.5), 1e-9);
        assertEquals(0.5, ValidationMetrics.averagePrecision(dets.subList(1, 2), truth, 0.5), 1e-9);
    }
}
