package org.gloinone.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.CoarseSlideCorrection;
import org.junit.jupiter.api.Test;

/** The one class rule of the pipeline and its evaluation, on probabilities worked by hand. */
class ClassDecisionTest {
    private static final List<String> CLASSES = List.of("normal", "sclerosed", "non_glomerular");
    private static final int NORMAL = 0;
    private static final int SCLEROSED = 1;
    private static final int REJECTED = 2;

    private static ClassDecision rule(double rejectThreshold, CoarseSlideCorrection correction) {
        return new ClassDecision(new ClassifyConfig("probabilities", CLASSES, "non_glomerular", Set.of("sclerosed"),
                12.5, 8, rejectThreshold, Map.of(), correction));
    }

    @Test
    void onACoarseSlideTheSclerosedCallNeedsMoreEvidence() {
        // from 2.5 um/px, 0.3 log-odds per um/px: p_sclerosed / p_normal = 0.6 / 0.3 = 2, log 2 = 0.693
        ClassDecision d = rule(Double.NaN, new CoarseSlideCorrection(2.5, 0.3));
        List<Double> p = List.of(0.3, 0.6, 0.1);
        assertEquals(SCLEROSED, d.decide(p, 0.5), "finer than the start: no margin");
        assertEquals(SCLEROSED, d.decide(p, 2.5), "at the start: margin 0");
        assertEquals(SCLEROSED, d.decide(p, 4.0), "margin 0.45 < 0.693");
        assertEquals(NORMAL, d.decide(p, 5.0), "margin 0.75 > 0.693");
        assertEquals(SCLEROSED, d.decide(p, Double.NaN), "unknown pixel size: no margin");
        assertEquals(NORMAL, d.glomerularClass(p, 5.0));
    }

    @Test
    void rejectionIsDecidedBeforeTheCorrection() {
        ClassDecision withThreshold = rule(0.45, new CoarseSlideCorrection(2.5, 0.3));
        assertEquals(REJECTED, withThreshold.decide(List.of(0.05, 0.45, 0.5), 5.0));
        assertEquals(SCLEROSED, withThreshold.decide(List.of(0.05, 0.55, 0.4), 5.0), "0.4 < 0.45: not rejected");
        assertEquals(SCLEROSED, withThreshold.glomerularClass(List.of(0.05, 0.45, 0.5), 5.0));
        // without a threshold the likeliest class of all rejects, the first on an exact tie
        ClassDecision likeliest = rule(Double.NaN, CoarseSlideCorrection.NONE);
        assertEquals(REJECTED, likeliest.decide(List.of(0.2, 0.3, 0.5), 1));
        assertEquals(SCLEROSED, likeliest.decide(List.of(0.2, 0.4, 0.4), 1));
        assertEquals(NORMAL, likeliest.decide(List.of(0.5, 0.5, 0.0), 1));
    }

    @Test
    void theCorrectionGrowsFromItsStart() {
        CoarseSlideCorrection c = new CoarseSlideCorrection(2.5, 0.3);
        assertEquals(0, c.sclerosedMargin(2.0));
        assertEquals(0.75, c.sclerosedMargin(5.0), 1e-12);
        assertEquals(0, CoarseSlideCorrection.NONE.sclerosedMargin(50));
        assertThrows(IllegalArgumentException.class, () -> new CoarseSlideCorrection(0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CoarseSlideCorrection(2, -0.1));
        assertThrows(NullPointerException.class, () -> rule(Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> rule(Double.NaN, CoarseSlideCorrection.NONE)
                .decide(List.of(0.5, 0.5), 1));
    }
}
