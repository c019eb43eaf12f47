package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Leave-slides-out fold scores on examples worked out by hand. */
class FoldScoresTest {
    // Slides of 4, 3, 2 and 1 crops are dealt largest first to the emptier fold, whatever the seed:
    // A -> 0, B -> 1, C -> 1 (3 < 4), D -> 0 (4 < 5).
    private static final List<String> SLIDES = List.of("A", "A", "A", "A", "B", "B", "B", "C", "C", "D");

    @Test
    void classificationScoresAreTakenFoldByFold() throws Exception {
        SlideFolds folds = SlideFolds.of(SLIDES, 2, 3);
        assertEquals(Set.of("A", "D"), folds.heldOut(0));
        boolean[] truth = {true, true, false, false, true, false, false, true, false, false};
        boolean[] predicted = {true, false, false, false, true, false, false, false, false, true};
        double[] score = {0.9, 0.4, 0.3, 0.1, 0.8, 0.2, 0.3, 0.5, 0.5, 0.6};
        List<ClassifiedCrop> items = new ArrayList<>();
        for (int i = 0; i < SLIDES.size(); i++) {
            String predictedClass = i == 9 ? "non-glomerular" : predicted[i] ? "sclerosed" : "normal";
            items.add(new ClassifiedCrop("c" + i, SLIDES.get(i), truth[i], predictedClass, List.of(0.0, 0.0, 0.0),
                    score[i], predicted[i]));
        }
        ClassificationReport report = new ClassificationReport(List.of("normal", "sclerosed", "non-glomerular"), items,
                BinaryConfusion.of(truth, predicted), RocAuc.of(score, truth), 1, true);
        FoldScores f = FoldScores.classification(report, folds, "non-glomerular");
        // Fold 0 (A, D): TP 1, FN 1, TN 2, FP 1; positives 0.9 and 0.4 beat 3 and 2 of the 3 negatives.
        Map<String, Double> f0 = f.perFold().get(0);
        assertEquals(5, f0.get("n"), 0);
        assertEquals(7.0 / 12, f0.get("balanced_accuracy"), 1e-12);
        assertEquals(5.0 / 6, f0.get("auc"), 1e-12);
        assertEquals(0.2, f0.get("rejected_share"), 1e-12);
        // Fold 1 (B, C): TP 1, FN 1, TN 3; 0.8 beats all 3 negatives, 0.5 beats 2 and ties 1.
        Map<String, Double> f1 = f.perFold().get(1);
        assertEquals(0.75, f1.get("balanced_accuracy"), 1e-12);
        assertEquals(5.5 / 6, f1.get("auc"), 1e-12);
        MeanAndSpread ba = f.summary().get("balanced_accuracy");
        assertEquals(2.0 / 3, ba.mean(), 1e-12);
        assertEquals((2.0 / 12) / Math.sqrt(2), ba.standardDeviation(), 1e-12);
        assertEquals(0.875, f.summary().get("auc").mean(), 1e-12);

        JsonNode json = new ObjectMapper().readTree(ReportJson.withFolds("{\"task\":\"classify\"}\n", f));
        assertEquals("classify", json.get("task").asText());
        assertEquals(2, json.get("folds").get("k").asInt());
        assertEquals("D", json.get("folds").get("per_fold").get(0).get("held_out_slides").get(1).asText());
        assertEquals(0.875, json.get("folds").get("auc").get("mean").asDouble(), 1e-12);
    }

    @Test
    void segmentationScoresAreFoldMeansOfDice() {
        SlideFolds folds = SlideFolds.of(SLIDES, 2, 11);
        List<LabelledCrop> crops = new ArrayList<>();
        List<SegmentedItem> items = new ArrayList<>();
        double[] dice = {0.9, 0.8, 0.9, 0.8, 0.5, 0.6, 0.7, 0.6, 0.6, 1.0};
        for (int i = 0; i < SLIDES.size(); i++) {
            crops.add(new LabelledCrop("c" + i, Path.of("c" + i), Path.of("m" + i), "nonGS", false, SLIDES.get(i)));
            items.add(new SegmentedItem("c" + i, dice[i], dice[i] / (2 - dice[i]), dice[i] - 1));
        }
        FoldScores f = FoldScores.segmentation(SegmentationReport.of(items), crops, folds);
        assertEquals(0.88, f.perFold().get(0).get("dice"), 1e-12);   // A's 0.9, 0.8, 0.9, 0.8 and D's 1.0
        assertEquals(0.6, f.perFold().get(1).get("dice"), 1e-12);    // B's 0.5, 0.6, 0.7 and C's 0.6, 0.6
        assertEquals(0.74, f.summary().get("dice").mean(), 1e-12);
        assertEquals(0.28 / Math.sqrt(2), f.summary().get("dice").standardDeviation(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> FoldScores.segmentation(SegmentationReport.of(items.subList(0, 3)), crops, folds));
    }
}
