package org.gloinone.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of a classifier package ({@code config: glo-in-one: classify:} in rdf.yaml).
 *
 * @param probabilitiesOutput output name of the class probabilities (N x classes, softmax)
 * @param classNames         class names in the order of the network's probability output
 * @param nonGlomerularClass the class that means "not a glomerulus" (a false-positive filter), or null
 * @param sclerosedClasses   the classes that count as globally sclerosed
 * @param paddingMicrons     context added on each side of a circle's bounding square
 *                           (Glo-In-One: 50 px at 0.25 um/px = 12.5 um)
 * @param patchSize          patch edge in pixels fed to the network (Glo-In-One: 256)
 * @param rejectThreshold    a detection is rejected as not a glomerulus when the non-glomerular probability reaches
 *                           this, else it takes the likeliest glomerular class; NaN when the likeliest class of all
 *                           decides ({@code classify.reject_threshold} in rdf.yaml, chosen on validation data)
 * @param displayColors      colours (0xRRGGBB) the spec gives some classes ({@code classify.display_colors});
 *                           classes without one take the rule of {@code io.ClassColors}
 * @param coarseSlideCorrection how the sclerosed call is corrected on coarse slides ({@link CoarseSlideCorrection#NONE}
 *                           when the package sets none)
 * @param testTimeViews      how many turned and mirrored views of each patch the probabilities are averaged over
 *                           ({@code classify.test_time_views}: 1, 2, 4 or 8; 1 when absent), see
 *                           {@link ViewAveragingPredictor}
 */
public record ClassifyConfig(String probabilitiesOutput, List<String> classNames, String nonGlomerularClass, Set<String> sclerosedClasses,
                             double paddingMicrons, int patchSize, double rejectThreshold,
                             Map<String, Integer> displayColors, CoarseSlideCorrection coarseSlideCorrection,
                             int testTimeViews) {

    /** A classifier whose likeliest class decides. */
    public ClassifyConfig(String probabilitiesOutput, List<String> classNames, String nonGlomerularClass,
                          Set<String> sclerosedClasses, double paddingMicrons, int patchSize) {
        this(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses, paddingMicrons, patchSize, Double.NaN);
    }

    /** A classifier without display colours of its own. */
    public ClassifyConfig(String probabilitiesOutput, List<String> classNames, String nonGlomerularClass,
                          Set<String> sclerosedClasses, double paddingMicrons, int patchSize, double rejectThreshold) {
        this(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses, paddingMicrons, patchSize,
                rejectThreshold, Map.of());
    }

    /** A classifier without a coarse-slide correction. */
    public ClassifyConfig(String probabilitiesOutput, List<String> classNames, String nonGlomerularClass,
                          Set<String> sclerosedClasses, double paddingMicrons, int patchSize, double rejectThreshold,
                          Map<String, Integer> displayColors) {
        this(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses, paddingMicrons, patchSize,
                rejectThreshold, displayColors, CoarseSlideCorrection.NONE);
    }

    /** A classifier that reads each patch once. */
    public ClassifyConfig(String probabilitiesOutput, List<String> classNames, String nonGlomerularClass,
                          Set<String> sclerosedClasses, double paddingMicrons, int patchSize, double rejectThreshold,
                          Map<String, Integer> displayColors, CoarseSlideCorrection coarseSlideCorrection) {
        this(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses, paddingMicrons, patchSize,
                rejectThreshold, displayColors, coarseSlideCorrection, 1);
    }

    public ClassifyConfig {
        Objects.requireNonNull(coarseSlideCorrection, "coarseSlideCorrection");
        classNames = List.copyOf(classNames);
        sclerosedClasses = Set.copyOf(sclerosedClasses);
        displayColors = Map.copyOf(displayColors);
        if (!classNames.containsAll(displayColors.keySet())) {
            throw new IllegalArgumentException("classify.display_colors " + displayColors.keySet() + " not all in "
                    + classNames);
        }
        if (displayColors.values().stream().anyMatch(rgb -> rgb < 0 || rgb > 0xFFFFFF)) {
            throw new IllegalArgumentException("classify.display_colors must be #RRGGBB colours");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("classify.classes needs at least 2 names, got " + classNames);
        }
        if (nonGlomerularClass != null && !classNames.contains(nonGlomerularClass)) {
            throw new IllegalArgumentException("classify.non_glomerular '" + nonGlomerularClass
                    + "' is not one of " + classNames);
        }
        if (!classNames.containsAll(sclerosedClasses)) {
            throw new IllegalArgumentException("classify.sclerosed " + sclerosedClasses + " not all in " + classNames);
        }
        if (!(paddingMicrons >= 0)) {
            throw new IllegalArgumentException("classify.padding_um must be >= 0, got " + paddingMicrons);
        }
        Checks.positive("classify.patch_size", patchSize);
        if (!ViewAveragingPredictor.ALLOWED_VIEWS.contains(testTimeViews)) {
            throw new IllegalArgumentException("classify.test_time_views must be 1, 2, 4 or 8, got " + testTimeViews);
        }
        if (!Double.isNaN(rejectThreshold)) {
            Checks.unitInterval("classify.reject_threshold", rejectThreshold);
            if (nonGlomerularClass == null) {
                throw new IllegalArgumentException("classify.reject_threshold needs classify.non_glomerular");
            }
        }
    }

    /** Whether a rejection threshold replaces the likeliest-class rule. */
    public boolean hasRejectThreshold() {
        return !Double.isNaN(rejectThreshold);
    }

    /** These settings with another rejection threshold (NaN: the likeliest class decides). */
    public ClassifyConfig withRejectThreshold(double threshold) {
        return new ClassifyConfig(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses,
                paddingMicrons, patchSize, threshold, displayColors, coarseSlideCorrection, testTimeViews);
    }

    /** These settings with another coarse-slide correction. */
    public ClassifyConfig withCoarseSlideCorrection(CoarseSlideCorrection correction) {
        return new ClassifyConfig(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses,
                paddingMicrons, patchSize, rejectThreshold, displayColors, correction, testTimeViews);
    }

    /** These settings with another number of test-time views. */
    public ClassifyConfig withTestTimeViews(int views) {
        return new ClassifyConfig(probabilitiesOutput, classNames, nonGlomerularClass, sclerosedClasses,
                paddingMicrons, patchSize, rejectThreshold, displayColors, coarseSlideCorrection, views);
    }
}
