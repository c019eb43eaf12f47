package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.junit.jupiter.api.Test;

/** A detector recipe's folds: their scores, the folds pooled, and the thresholds chosen fold by fold, by hand. */
class DetectionFoldsTest {
    private static final double[] SCORES = {0.25, 0.5, 0.75};
    private static final double[] REJECTS = {0.5, 1.0};

    @Test
    void eachFoldGetsTheThresholdsChosenOnTheOthers() {
        TileGroundTruth truth = twoGlomeruli();
        Circle big = truth.circles().get(0);
        Circle small = truth.circles().get(1);
        // Fold A: the classifier rejects a tubule (p 0.7) but misses another (0.3).
        OperatingPoints.Image a = new OperatingPoints.Image("a", truth, List.of(new Detection(big, 0.9),
                new Detection(new Circle(15, 3, 1.5), 0.8), new Detection(small, 0.3),
                new Detection(new Circle(3, 15, 1.5), 0.6)), new double[] {0.1, 0.7, 0.4, 0.3});
        // Fold B: the classifier doubts the big glomerulus (0.6) as much as the tubule (0.7).
        OperatingPoints.Image b = new OperatingPoints.Image("b", truth, List.of(new Detection(big, 0.9),
                new Detection(new Circle(15, 3, 1.5), 0.8), new Detection(small, 0.3)),
                new double[] {0.6, 0.7, 0.2});
        List<DetectionFolds.Fold> folds = List.of(fold("a", a), fold("b", b));

        // On A alone (0.25, 0.5) is best (TP 2, FP 1: F1 0.8), but (0.75, 0.5), the big glomerulus alone (F1 2/3),
        // is within one found glomerulus (0.4) and reports fewer. On B alone (0.25, 1.0) is best (TP 2, FP 1),
        // and (0.25, 0.5), the small glomerulus alone, ties and wins.
        List<OperatingPoints.Choice> cv = DetectionFolds.crossValidatedChoices(folds, SCORES, REJECTS);
        assertEquals(List.of(0.25, 0.5), List.of(cv.get(0).scoreThreshold(), cv.get(0).rejectThreshold()));
        assertEquals(List.of(2L, 1L, 0L), counts(cv.get(0)));    // B's choice rejects one tubule of A
        assertEquals(0.8, cv.get(0).f1(), 1e-12);
        assertEquals(List.of(0.75, 0.5), List.of(cv.get(1).scoreThreshold(), cv.get(1).rejectThreshold()));
        assertEquals(List.of(0L, 0L, 2L), counts(cv.get(1)));    // A's choice rejects B's big glomerulus
        assertEquals(0.0, cv.get(1).f1(), 1e-12);

        // On both: (0.25, 0.5) gives TP 3, FP 1, FN 1 (F1 0.75), ahead of (0.25, 1.0) at 8 / 11, which ties but
        // reports 7; (0.75, 1.0) at 0.5 falls short by a whole found glomerulus (2 / 8).
        OperatingPoints.Choice pooled = OperatingPoints.best(DetectionFolds.images(folds), SCORES, REJECTS);
        assertEquals(List.of(0.25, 0.5), List.of(pooled.scoreThreshold(), pooled.rejectThreshold()));
        assertEquals(0.75, pooled.f1(), 1e-12);

        assertThrows(IllegalArgumentException.class,
                () -> DetectionFolds.crossValidatedChoices(folds.subList(0, 1), SCORES, REJECTS));
    }

    @Test
    void foldScoresAndThePooledReport() {
        TileGroundTruth truth = twoGlomeruli();
        DetectionReport one = report("a", truth, List.of(new Detection(truth.circles().get(0), 0.9),
                new Detection(new Circle(15, 3, 1.5), 0.8)));
        DetectionReport other = report("b", truth, List.of(new Detection(truth.circles().get(1), 0.4)));
        DetectionReport coarse = report("b", truth, List.of());
        List<DetectionFolds.Fold> folds = List.of(new DetectionFolds.Fold(List.of("a"), one, List.of(one), List.of()),
                new DetectionFolds.Fold(List.of("b"), other, List.of(coarse), List.of()));

        FoldScores s = DetectionFolds.scores(folds, List.of(4.0));
        assertEquals(List.of("n", "ap", "ap50", "recall", "precision", "count_error", "ap50_at_4", "recall_at_4",
                "precision_at_4", "count_error_at_4"), List.copyOf(s.perFold().get(0).keySet()));
        Map<String, Double> a = s.perFold().get(0);
        assertEquals(2.0, a.get("n"));
        assertEquals(0.5, a.get("recall"), 1e-12);         // at 0.5: the big glomerulus and the tubule
        assertEquals(0.5, a.get("precision"), 1e-12);
        assertEquals(0.0, a.get("count_error"), 1e-12);    // 2 found, 2 true
        Map<String, Double> b = s.perFold().get(1);
        assertEquals(0.0, b.get("recall"), 1e-12);         // its one detection scores 0.4
        assertEquals(1.0, b.get("count_error"), 1e-12);    // 0 found
        assertEquals(0.0, b.get("recall_at_4"), 1e-12);
        assertEquals(0.25, s.summary().get("recall").mean(), 1e-12);
        assertEquals(List.of("a"), List.copyOf(s.heldOut().get(0)));
        assertThrows(IllegalArgumentException.class, () -> DetectionFolds.scores(folds, List.of()));

        DetectionReport pooled = DetectionFolds.pooled(List.of(one, other), 0.3);
        assertEquals(4, pooled.scores().truths());
        assertEquals(2, pooled.images().size());
        assertEquals(3, pooled.scores().detections());
        assertEquals(0.5, pooled.scores().recall(), 1e-12);        // at 0.3 the 0.4 detection counts too
        assertEquals(2.0 / 3, pooled.scores().precision(), 1e-12);
        DetectionEvaluation together = new DetectionEvaluation();
        together.add("a", List.of(new Detection(truth.circles().get(0), 0.9),
                new Detection(new Circle(15, 3, 1.5), 0.8)), truth);
        together.add("b", List.of(new Detection(truth.circles().get(1), 0.4)), truth);
        assertEquals(together.scores(0.3).ap50(), pooled.scores().ap50(), 0);
    }

    private static DetectionFolds.Fold fold(String name, OperatingPoints.Image image) {
        DetectionReport r = report(name, image.truth(), image.detections());
        return new DetectionFolds.Fold(List.of(name), r, List.of(), List.of(image));
    }

    private static DetectionReport report(String name, TileGroundTruth truth, List<Detection> detections) {
        DetectionEvaluation e = new DetectionEvaluation();
        e.add(name, detections, truth);
        return new DetectionReport(e.scores(0.5), e.images());
    }

    private static List<Long> counts(OperatingPoints.Choice c) {
        return List.of(c.truePositives(), c.falsePositives(), c.falseNegatives());
    }

    /** 20x20 at 1 um/px: a 5x5 glomerulus at (2..6) and a 4x4 one at (10..13). */
    private static TileGroundTruth twoGlomeruli() {
        boolean[] p = new boolean[400];
        for (int[] square : new int[][] {{2, 6}, {10, 13}}) {
            for (int y = square[0]; y <= square[1]; y++) {
                for (int x = square[0]; x <= square[1]; x++) {
                    p[y * 20 + x] = true;
                }
            }
        }
        return TileGroundTruth.fromMask(new BinaryMask(20, 20, p), 1.0, 10);
    }
}
