package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.model.CoarseSlideCorrection;
import org.junit.jupiter.api.Test;

/** The summaries other commands read back: a training's folds and a chosen coarse-slide correction. */
class ReportJsonTest {
    @Test
    void theFoldsOfACrossValidationAreReadBackInOrder() {
        String written = ReportJson.crossValidation("classify", "train", new FoldScores(
                List.of(Set.of("b", "a"), Set.of("c")), List.of(Map.of("n", 2.0), Map.of("n", 1.0))));
        assertEquals(List.of(Set.of("a", "b"), Set.of("c")), ReportJson.heldOutSlides(written));
        assertEquals("no folds.per_fold list", assertThrows(IllegalArgumentException.class,
                () -> ReportJson.heldOutSlides("{\"task\": \"classify\"}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportJson.heldOutSlides("not json"));
    }

    @Test
    void theChosenCoarseSlideCorrectionIsReadBack() {
        String written = ReportJson.withCoarseCorrection("{}", CoarseCorrectionChoice.Objective.SLIDE_SCLEROSED_ERROR,
                new CoarseCorrectionChoice(new CoarseSlideCorrection(2.5, 0.45), 0.9, 4.0), null);
        assertEquals(new CoarseSlideCorrection(2.5, 0.45), ReportJson.chosenCoarseCorrection(written));
        assertEquals("no coarse_slide_correction.chosen in the summary", assertThrows(IllegalArgumentException.class,
                () -> ReportJson.chosenCoarseCorrection("{}")).getMessage());
    }
}
