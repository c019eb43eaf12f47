package org.gloinone.eval;

import static org.gloinone.eval.DetectionOutcome.Kind.FALSE_POSITIVE;
import static org.gloinone.eval.DetectionOutcome.Kind.IGNORED;
import static org.gloinone.eval.DetectionOutcome.Kind.TRUE_POSITIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleIou;
import org.gloinone.detect.Detection;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

    private static DetectionOutcome outcome(double score, DetectionOutcome.Kind kind) {
        Detection d = new Detection(new Circle(0, 0, 1), score);
        return new DetectionOutcome(d, kind, kind == TRUE_POSITIVE ? 0 : -1, 0);
    }

    @Test
    void circleIouIsExact() { // the IoU that matching uses
        double lens = 2 * Math.PI / 3 - Math.sqrt(3) / 2; // two unit circles one radius apart
        Circle a = new Circle(0, 0, 1);
        assertEquals(lens, CircleIou.intersectionArea(a, new Circle(1, 0, 1)), 1e-12);
        assertEquals(lens / (2 * Math.PI - lens), CircleIou.of(a, new Circle(0, 1, 1)), 1e-12);
        assertEquals(0.25, CircleIou.of(a, new Circle(0.5, 0, 2)), 1e-12); // inside: 1 / 4
        assertEquals(0, CircleIou.of(a, new Circle(2, 0, 1)));
        assertEquals(1, CircleIou.of(a, a), 1e-12);
    }

    @Test
    void averagePrecisionOfAKnownRankingWithATie() {
        // 3 ground truths. Ranked: 0.9 TP, {0.8 FP, 0.8 TP} tied, 0.7 ignored, 0.5 FP, 0.3 TP.
        // Curve at each distinct score: (R 1/3, P 1), (2/3, 2/3), (2/3, 1/2), (1, 3/5).
        // Monotone precision: 1, 2/3, 3/5, 3/5. Recall levels 0..0.33 -> 1 (34), 0.34..0.66 -> 2/3 (33),
        // 0.67..1 -> 3/5 (34).
        List<DetectionOutcome> ranked = new ArrayList<>(List.of(outcome(0.9, TRUE_POSITIVE),
                outcome(0.8, FALSE_POSITIVE), outcome(0.8, TRUE_POSITIVE), outcome(0.7, IGNORED),
                outcome(0.5, FALSE_POSITIVE), outcome(0.3, TRUE_POSITIVE)));
        double expected = (34 * 1.0 + 33 * (2.0 / 3.0) + 34 * 0.6) / 101;
        assertEquals(expected, AveragePrecision.of(ranked, 3), 1e-12);
        Collections.reverse(ranked); // the order of ties and of the input does not matter
        assertEquals(expected, AveragePrecision.of(ranked, 3), 1e-12);
    }

    @Test
    void averagePrecisionEdgeCases() {
        assertEquals(Double.NaN, AveragePrecision.of(List.of(outcome(0.9, FALSE_POSITIVE)), 0));
        assertEquals(0.0, AveragePrecision.of(List.of(), 2));
        // One of two found, first: precision 1 up to recall 0.5 -> 51 of 101 levels.
        assertEquals(51.0 / 101, AveragePrecision.of(List.of(outcome(0.9, TRUE_POSITIVE)), 2), 1e-12);
    }

    @Test
    void matchingRespectsIgnoreRegions() {
        // 20x20 tile at 1 um/px: a 5x5 glomerulus (25 um2) and a 2x2 fragment (4 um2) below the 10 um2 minimum.
        boolean[] p = new boolean[400];
        for (int y = 2; y <= 6; y++) {
            for (int x = 2; x <= 6; x++) {
                p[y * 20 + x] = true;
            }
        }
        for (int y = 15; y <= 16; y++) {
            for (int x = 15; x <= 16; x++) {
                p[y * 20 + x] = true;
            }
        }
        TileGroundTruth truth = TileGroundTruth.fromMask(new BinaryMask(20, 20, p), 1.0, 10);
        assertEquals(1, truth.glomeruli().size());
        assertEquals(1, truth.ignoreRegions().size());
        Circle gt = truth.circles().get(0);
        assertEquals(4.5, gt.centerX(), 1e-12);
        assertEquals(Math.sqrt(25 / Math.PI), gt.radius(), 1e-12);

        List<Detection> detections = List.of(
                new Detection(new Circle(12, 4, 1), 0.6),          // nothing there
                new Detection(gt, 0.9),                             // the glomerulus
                new Detection(new Circle(16.2, 15.5, 1.5), 0.7),    // centre in the fragment
                new Detection(new Circle(4.8, 4.5, 2.8), 0.8));     // duplicate of the glomerulus
        List<DetectionOutcome> o = CircleMatcher.match(detections, truth, 0.5);
        assertEquals(List.of(FALSE_POSITIVE, TRUE_POSITIVE, IGNORED, FALSE_POSITIVE),
                o.stream().map(DetectionOutcome::kind).toList());
        assertEquals(0, o.get(1).truthIndex());
        assertEquals(1.0, o.get(1).iou(), 1e-12);

        DetectionEvaluation eval = new DetectionEvaluation();
        eval.add("tile", detections, truth);
        DetectionScores s = eval.scores(0.75);
        assertEquals(1.0, s.ap50(), 1e-12); // the true positive ranks first; the ignored one is left out
        assertEquals(1.0, s.averagePrecision(), 1e-12);
        assertEquals(1.0, s.recall(), 1e-12);
        assertEquals(0.5, s.precision(), 1e-12); // scores >= 0.75: the glomerulus and its duplicate
        assertEquals(4, s.detections());
        assertEquals(1, s.ignored());
        assertEquals(1, s.truths());
    }

    @Test
    void aGlomerulusWinsOverAnIgnoreRegion() {
        // A detection centred in a fragment that touches a glomerulus still matches the glomerulus.
        Circle gt = new Circle(10, 10, 5);
        boolean[] p = new boolean[400];
        p[10 * 20 + 11] = true;
        List<MaskComponent> fragment = ConnectedComponents.of(new BinaryMask(20, 20, p));
        List<DetectionOutcome> o = CircleMatcher.match(
                List.of(new Detection(new Circle(11.5, 10.5, 5), 0.5)), List.of(gt), fragment, 0.5);
        assertEquals(TRUE_POSITIVE, o.get(0).kind());
        o = CircleMatcher.match(List.of(new Detection(new Circle(11.5, 10.5, 5), 0.5)), List.of(gt), fragment, 0.9);
        assertEquals(IGNORED, o.get(0).kind());
    }

    @Test
    void glomeruliCutByTheTileEdgeCanBeIgnoreRegions() {
        // 20x20 tile at 1 um/px: a 5x5 glomerulus inside, and a 4x6 one cut by the right edge (x 16-19).
        boolean[] p = new boolean[400];
        for (int y = 2; y <= 6; y++) {
            for (int x = 2; x <= 6; x++) {
                p[y * 20 + x] = true;
            }
        }
        for (int y = 10; y <= 15; y++) {
            for (int x = 16; x <= 19; x++) {
                p[y * 20 + x] = true;
            }
        }
        BinaryMask mask = new BinaryMask(20, 20, p);
        TileGroundTruth all = TileGroundTruth.fromMask(mask, 1.0, 10);
        assertEquals(2, all.glomeruli().size());
        TileGroundTruth whole = TileGroundTruth.fromMask(mask, 1.0, 10, true);
        assertEquals(1, whole.glomeruli().size());
        assertEquals(4.5, whole.circles().get(0).centerX(), 1e-12);
        assertEquals(1, whole.ignoreRegions().size());
        assertEquals(16, whole.ignoreRegions().get(0).left());
    }
}
