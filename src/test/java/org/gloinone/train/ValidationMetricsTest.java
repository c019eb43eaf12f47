package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
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

    private static ValidationMetrics.ValidationImage image(List<Detection> detections, List<Circle> ignored) {
        return new ValidationMetrics.ValidationImage(100, 100, detections,
                List.of(new Circle(10, 10, 5), new Circle(40, 40, 5)).stream().filter(c -> !ignored.contains(c))
                        .toList(), ignored);
    }

    @Test
    void averagePrecisionIsTheEvaluationsCocoAp() {
        List<Detection> dets = List.of(new Detection(new Circle(10, 10, 5), 0.9),
                new Detection(new Circle(80, 80, 5), 0.8), new Detection(new Circle(40, 41, 5), 0.7));
        // precision 1 up to recall 0.5 (51 of COCO's 101 recall levels), 2/3 up to recall 1 (50 levels)
        assertEquals((51 + 50 * 2.0 / 3) / 101, ValidationMetrics.averagePrecision(List.of(image(dets, List.of())),
                0.5), 1e-9);
    }

    @Test
    void anIgnoredGlomerulusIsNeitherMissNorHitNorFalsePositive() {
        List<Circle> cut = List.of(new Circle(40, 40, 5));
        List<Detection> dets = List.of(new Detection(new Circle(40, 40, 5), 0.9),
                new Detection(new Circle(10, 10, 5), 0.8));
        assertEquals(1.0, ValidationMetrics.averagePrecision(List.of(image(dets, cut)), 0.5), 1e-9);
        // without ignoring it, the same detections find both
        assertEquals(1.0, ValidationMetrics.averagePrecision(List.of(image(dets, List.of())), 0.5), 1e-9);
        // a missed ignored glomerulus costs nothing; a missed counted one halves the recall
        assertEquals(1.0, ValidationMetrics.averagePrecision(List.of(image(dets.subList(1, 2), cut)), 0.5), 1e-9);
        assertEquals(51.0 / 101, ValidationMetrics.averagePrecision(List.of(image(dets.subList(1, 2), List.of())),
                0.5), 1e-9);
    }
}
