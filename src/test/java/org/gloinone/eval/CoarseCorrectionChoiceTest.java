package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.CoarseSlideCorrection;
import org.junit.jupiter.api.Test;

/**
 * The coarse-slide correction chosen on crops at two pixel sizes, worked by hand. Three slides, each with two
 * normal glomeruli and one sclerosed. At 1 um/px every call is right. At 5 um/px the normal ones lean sclerosed:
 * log-odds 0.405 (0.6 / 0.4) on slides A and B, 1.386 (0.8 / 0.2) on slide C; the sclerosed ones stay at 2.197.
 */
class CoarseCorrectionChoiceTest {
    private static final List<String> CLASSES = List.of("normal", "sclerosed", "non-glomerular");
    private static final ClassifyConfig CONFIG = new ClassifyConfig("probabilities", CLASSES, "non-glomerular",
            Set.of("sclerosed"), 12.5, 256, 0.45, Map.of(), CoarseSlideCorrection.NONE);
    private static final CoarseCorrectionChoice.Objective BA = CoarseCorrectionChoice.Objective.BALANCED_ACCURACY;

    private static ClassificationResolution at(double mpp) {
        List<ClassifiedCrop> items = new ArrayList<>();
        for (String slide : List.of("A", "B", "C")) {
            double normalSclerosed = mpp < 2 ? 0.2 : slide.equals("C") ? 0.8 : 0.6;
            for (int i = 0; i < 2; i++) {
                items.add(crop(slide + "-n" + i, slide, false, List.of(1 - normalSclerosed, normalSclerosed, 0.0)));
            }
            items.add(crop(slide + "-s", slide, true, List.of(0.1, 0.9, 0.0)));
        }
        ClassificationReport raw = ClassificationReport.of(CLASSES, items, "non-glomerular");
        return new ClassificationResolution(mpp, CropDecider.redecided(raw, CONFIG, mpp), null);
    }

    private static ClassifiedCrop crop(String name, String slide, boolean sclerosed, List<Double> p) {
        return new ClassifiedCrop(name, slide, sclerosed, "normal", p, p.get(1), false);
    }

    @Test
    void theSmallestCorrectionThatSeparatesTheCoarseCropsIsChosen() {
        List<ClassificationResolution> sweep = List.of(at(1), at(5));
        assertEquals(0.0, sweep.get(1).report().confusion().specificity(),
                "uncorrected: every normal one is called sclerosed");
        CoarseCorrectionChoice all = CoarseCorrectionChoice.choose(sweep, CONFIG, slide -> true, BA);
        // the margin at 5 um/px, g * (5 - 1.5), must pass 1.386: g = 0.40 is the first step that does
        assertEquals(1.5, all.correction().fromMicronsPerPixel());
        assertEquals(0.40, all.correction().sclerosedLogitPerMicronPerPixel(), 1e-9);
        assertEquals(1.0, all.meanBalancedAccuracy(), 1e-12);
        // without slide C the margin need only pass 0.405: g = 0.15
        CoarseCorrectionChoice withoutC = CoarseCorrectionChoice.choose(sweep, CONFIG, slide -> !slide.equals("C"), BA);
        assertEquals(0.15, withoutC.correction().sclerosedLogitPerMicronPerPixel(), 1e-9);
    }

    @Test
    void eachFoldIsDecidedByAChoiceMadeWithoutIt() {
        List<ClassificationResolution> sweep = List.of(at(1), at(5));
        List<String> slides = sweep.get(0).report().items().stream().map(ClassifiedCrop::slideId).toList();
        SlideFolds folds = SlideFolds.of(slides, 3, 7);
        CoarseCorrectionChoice.CrossValidated cv = CoarseCorrectionChoice.crossValidated(sweep, CONFIG, folds, BA);
        for (int f = 0; f < 3; f++) {
            boolean cOut = folds.isHeldOut(f, "C");
            assertEquals(cOut ? 0.15 : 0.40, cv.choices().get(f).correction().sclerosedLogitPerMicronPerPixel(), 1e-9,
                    "fold " + f);
        }
        // at 5 um/px slide C's normal glomeruli, judged by the correction chosen on A and B, are called sclerosed
        ClassificationResolution coarse = cv.sweep().get(1);
        assertEquals(2, coarse.report().confusion().falsePositives());
        assertEquals(0, coarse.report().confusion().falseNegatives());
        assertEquals(100.0 * 2 / 9, coarse.report().confusion().positiveShareErrorPoints(), 1e-9);
        MeanAndSpread b = coarse.folds().summary().get("balanced_accuracy");
        assertEquals((1 + 1 + 0.5) / 3, b.mean(), 1e-12);
        assertEquals(1.0, cv.sweep().get(0).folds().summary().get("balanced_accuracy").mean(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CoarseCorrectionChoice.choose(List.of(), CONFIG, s -> true, BA));
    }

    @Test
    void theSlideErrorObjectiveWeighsCallsByTheirNumbers() {
        // One slide of 4 normal glomeruli and 1 sclerosed; at 5 um/px the normal ones lean further to sclerosed
        // (log-odds 1.386) than the sclerosed one does (0.405), so any correction flips the sclerosed one first.
        List<ClassificationResolution> sweep = new ArrayList<>();
        for (double mpp : new double[] {1, 5}) {
            List<ClassifiedCrop> items = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                items.add(crop("n" + i, "A", false, mpp < 2 ? List.of(0.9, 0.1, 0.0) : List.of(0.2, 0.8, 0.0)));
            }
            items.add(crop("s", "A", true, mpp < 2 ? List.of(0.1, 0.9, 0.0) : List.of(0.4, 0.6, 0.0)));
            ClassificationReport raw = ClassificationReport.of(CLASSES, items, "non-glomerular");
            sweep.add(new ClassificationResolution(mpp, CropDecider.redecided(raw, CONFIG, mpp), null));
        }
        // Balanced accuracy at 5 um/px is 0.5 with no correction (all sclerosed) and with one that calls all normal:
        // the tie keeps no correction, and the slide's % sclerosed stays 80 points too high.
        CoarseCorrectionChoice byAccuracy = CoarseCorrectionChoice.choose(sweep, CONFIG, s -> true, BA);
        assertEquals(0.0, byAccuracy.correction().sclerosedLogitPerMicronPerPixel());
        assertEquals(0.75, byAccuracy.meanBalancedAccuracy(), 1e-12);
        assertEquals(40.0, byAccuracy.meanSlideSclerosedError(), 1e-9);
        // Counted by slide, calling all normal misses 1 of 5 (20 points), which beats 4 of 5 called wrongly:
        // the margin g * (5 - 1.5) must pass 1.386, first at g = 0.40.
        CoarseCorrectionChoice bySlides = CoarseCorrectionChoice.choose(sweep, CONFIG, s -> true,
                CoarseCorrectionChoice.Objective.SLIDE_SCLEROSED_ERROR);
        assertEquals(1.5, bySlides.correction().fromMicronsPerPixel());
        assertEquals(0.40, bySlides.correction().sclerosedLogitPerMicronPerPixel(), 1e-9);
        assertEquals(10.0, bySlides.meanSlideSclerosedError(), 1e-9);
        assertEquals(CoarseCorrectionChoice.Objective.SLIDE_SCLEROSED_ERROR,
                CoarseCorrectionChoice.Objective.parse("slide-sclerosed-error"));
        assertEquals("unknown objective 'f1'; known: balanced-accuracy, slide-sclerosed-error",
                assertThrows(IllegalArgumentException.class, () -> CoarseCorrectionChoice.Objective.parse("f1"))
                        .getMessage());
    }
}
