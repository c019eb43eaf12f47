package org.gloinone.classify;

import java.util.List;

import org.gloinone.model.ClassifyConfig;

/**
 * The one rule that turns a classifier's probabilities into a class, for the pipeline and for its evaluation.
 * <ul>
 *   <li>Rejection: when the spec sets a rejection threshold ({@link ClassifyConfig#rejectThreshold()}), the
 *   non-glomerular class wins exactly when its probability reaches it. Without one, it wins when it is the most
 *   probable class.</li>
 *   <li>Otherwise the likeliest glomerular class wins (the first in model order on an exact tie), after each
 *   sclerosed class's probability is divided by e^margin, where the margin is the spec's
 *   {@link org.gloinone.model.CoarseSlideCorrection} at the slide's pixel size (0 on slides it does not
 *   correct).</li>
 * </ul>
 */
public final class ClassDecision {
    private final ClassifyConfig config;
    private final int nonGlomerular;
    private final boolean[] sclerosed;

    /** The rule of {@code config}. */
    public ClassDecision(ClassifyConfig config) {
        this.config = config;
        List<String> names = config.classNames();
        this.nonGlomerular = config.nonGlomerularClass() == null ? -1 : names.indexOf(config.nonGlomerularClass());
        this.sclerosed = new boolean[names.size()];
        for (int c = 0; c < names.size(); c++) {
            sclerosed[c] = config.sclerosedClasses().contains(names.get(c));
        }
    }

    /**
     * The index of the class chosen from {@code p} (one probability per class, in model order).
     *
     * @param slideMicronsPerPixel the pixel size of the slide the patch came from; NaN when unknown
     */
    public int decide(List<Double> p, double slideMicronsPerPixel) {
        check(p);
        if (nonGlomerular >= 0) {
            boolean rejected = config.hasRejectThreshold()
                    ? p.get(nonGlomerular) >= config.rejectThreshold()
                    : isLikeliest(p, nonGlomerular);
            if (rejected) {
                return nonGlomerular;
            }
        }
        return glomerularClass(p, slideMicronsPerPixel);
    }

    /**
     * The likeliest glomerular class after the coarse-slide correction: what {@link #decide} answers for a patch
     * that is not rejected.
     */
    public int glomerularClass(List<Double> p, double slideMicronsPerPixel) {
        check(p);
        double shrink = Math.exp(-config.coarseSlideCorrection().sclerosedMargin(slideMicronsPerPixel));
        int best = -1;
        double bestValue = 0;
        for (int c = 0; c < p.size(); c++) {
            if (c == nonGlomerular) {
                continue;
            }
            double v = sclerosed[c] ? p.get(c) * shrink : p.get(c);
            if (best < 0 || v > bestValue) {
                best = c;
                bestValue = v;
            }
        }
        return best;
    }

    /** Whether class {@code c} is one of the spec's sclerosed classes. */
    public boolean isSclerosed(int c) {
        return sclerosed[c];
    }

    private static boolean isLikeliest(List<Double> p, int c) {
        for (int k = 0; k < c; k++) {
            if (p.get(k) >= p.get(c)) {
                return false;
            }
        }
        for (int k = c + 1; k < p.size(); k++) {
            if (p.get(k) > p.get(c)) {
                return false;
            }
        }
        return true;
    }

    private void check(List<Double> p) {
        if (p.size() != sclerosed.length) {
            throw new IllegalArgumentException("expected " + sclerosed.length + " probabilities, got " + p.size());
        }
    }
}
