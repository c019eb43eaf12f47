package org.gloinone.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.CoarseSlideCorrection;

/**
 * Chooses a classifier's {@link CoarseSlideCorrection} on crops rendered at several pixel sizes: the one whose
 * decisions score best by an {@link Objective}, averaged over the pixel sizes. The grid: corrections start at 1.5 to
 * 4 µm/px in steps of 0.5, and grow by 0 to 2 log-odds per µm/px in steps of 0.05. On a tie the smaller growth
 * wins, then the earlier start, so that crops which need no correction get none.
 * <p>
 * Chosen and scored on the same crops the result is optimistic; {@link #crossValidated} chooses on all folds but
 * one and decides the left-out fold's crops with that choice, so each crop is judged by a correction chosen
 * without its slide.
 *
 * @param correction                the chosen correction
 * @param meanBalancedAccuracy      its balanced accuracy (sclerosed versus not) averaged over the pixel sizes, on
 *                                  the crops it was chosen on
 * @param meanSlideSclerosedError   the error of each slide's % sclerosed in points, its absolute value averaged
 *                                  over the slides and the pixel sizes, on the same crops
 */
public record CoarseCorrectionChoice(CoarseSlideCorrection correction, double meanBalancedAccuracy,
                                     double meanSlideSclerosedError) {
    /** What the choice makes best. */
    public enum Objective {
        /** The balanced accuracy of the sclerosed call: sensitivity and specificity weigh alike. */
        BALANCED_ACCURACY("balanced-accuracy"),
        /**
         * The % sclerosed of each slide, the figure a pathologist reads: normal glomeruli called sclerosed and
         * sclerosed ones missed weigh by their numbers, so the rarer class does not pull the decision its way.
         */
        SLIDE_SCLEROSED_ERROR("slide-sclerosed-error");

        private final String word;

        Objective(String word) {
            this.word = word;
        }

        /** Its name on the command line and in reports. */
        public String word() {
            return word;
        }

        /**
         * @throws IllegalArgumentException naming the known objectives
         */
        public static Objective parse(String word) {
            for (Objective o : values()) {
                if (o.word.equals(word)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown objective '" + word + "'; known: balanced-accuracy, "
                    + "slide-sclerosed-error");
        }

        private double score(CoarseCorrectionChoice c) {
            return this == BALANCED_ACCURACY ? c.meanBalancedAccuracy() : -c.meanSlideSclerosedError();
        }
    }

    private static final double FIRST_START = 1.5;
    private static final double START_STEP = 0.5;
    private static final int STARTS = 6;
    private static final double GROWTH_STEP = 0.05;
    private static final int GROWTHS = 41;

    /**
     * The best correction for the crops of {@code sweep} whose slide passes {@code slides}.
     *
     * @param sweep  the crops classified at each pixel size (their probabilities are decided again)
     * @param config    the classifier's settings; only its correction is replaced
     * @param objective what the choice makes best
     */
    public static CoarseCorrectionChoice choose(List<ClassificationResolution> sweep, ClassifyConfig config,
                                                Predicate<String> slides, Objective objective) {
        if (sweep.isEmpty()) {
            throw new IllegalArgumentException("choosing a coarse-slide correction needs crops at some pixel sizes"
                    + " (--resolutions)");
        }
        CoarseCorrectionChoice best = null;
        for (int g = 0; g < GROWTHS; g++) {
            for (int s = 0; s < STARTS; s++) {
                CoarseSlideCorrection c = new CoarseSlideCorrection(FIRST_START + s * START_STEP, g * GROWTH_STEP);
                CoarseCorrectionChoice candidate = scored(sweep, config.withCoarseSlideCorrection(c), slides);
                if (best == null || objective.score(candidate) > objective.score(best) + 1e-12) {
                    best = candidate;
                }
                if (g == 0) {
                    break; // no growth: the start changes nothing
                }
            }
        }
        return best;
    }

    /**
     * The sweep decided fold by fold: the crops of each fold's held-out slides under the correction chosen on the
     * other folds' crops.
     *
     * @return one entry per pixel size, with the folds' scores, and the choice made for each fold
     */
    public static CrossValidated crossValidated(List<ClassificationResolution> sweep, ClassifyConfig config,
                                                SlideFolds folds, Objective objective) {
        List<CoarseCorrectionChoice> choices = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            int fold = f;
            choices.add(choose(sweep, config, slide -> !folds.isHeldOut(fold, slide), objective));
        }
        List<ClassificationResolution> decided = new ArrayList<>();
        for (ClassificationResolution r : sweep) {
            List<ClassificationReport> perFold = new ArrayList<>();
            for (CoarseCorrectionChoice choice : choices) {
                perFold.add(CropDecider.redecided(r.report(), config.withCoarseSlideCorrection(choice.correction()), r.micronsPerPixel()));
            }
            List<ClassifiedCrop> items = new ArrayList<>();
            for (int i = 0; i < r.report().items().size(); i++) {
                String slide = r.report().items().get(i).slideId();
                int fold = foldOf(folds, slide);
                items.add(perFold.get(fold).items().get(i));
            }
            ClassificationReport report = ClassificationReport.of(config.classNames(), items,
                    config.nonGlomerularClass());
            decided.add(new ClassificationResolution(r.micronsPerPixel(), report,
                    FoldScores.classification(report, folds, config.nonGlomerularClass())));
        }
        return new CrossValidated(choices, decided);
    }

    /**
     * @param choices the correction chosen for each fold (on the other folds)
     * @param sweep   the crops at each pixel size, each decided by its own fold's choice
     */
    public record CrossValidated(List<CoarseCorrectionChoice> choices, List<ClassificationResolution> sweep) {
        public CrossValidated {
            choices = List.copyOf(choices);
            sweep = List.copyOf(sweep);
        }
    }

    private static int foldOf(SlideFolds folds, String slide) {
        for (int f = 0; f < folds.count(); f++) {
            if (folds.isHeldOut(f, slide)) {
                return f;
            }
        }
        throw new IllegalArgumentException("slide " + slide + " is in no fold");
    }

    /** The correction in {@code config} scored on the crops of {@code slides}. */
    private static CoarseCorrectionChoice scored(List<ClassificationResolution> sweep, ClassifyConfig config,
                                                 Predicate<String> slides) {
        double balanced = 0;
        double slideError = 0;
        for (ClassificationResolution r : sweep) {
            ClassificationReport decided = CropDecider.redecided(r.report(), config, r.micronsPerPixel());
            Map<String, List<ClassifiedCrop>> bySlide = new TreeMap<>();
            decided.items().stream().filter(c -> slides.test(c.slideId()))
                    .forEach(c -> bySlide.computeIfAbsent(c.slideId(), k -> new ArrayList<>()).add(c));
            double b = report(config, bySlide.values().stream().flatMap(List::stream).toList())
                    .confusion().balancedAccuracy();
            balanced += Double.isNaN(b) ? 0 : b;
            double errors = 0;
            for (List<ClassifiedCrop> crops : bySlide.values()) {
                errors += Math.abs(report(config, crops).confusion().positiveShareErrorPoints());
            }
            slideError += bySlide.isEmpty() ? 0 : errors / bySlide.size();
        }
        return new CoarseCorrectionChoice(config.coarseSlideCorrection(), balanced / sweep.size(),
                slideError / sweep.size());
    }

    private static ClassificationReport report(ClassifyConfig config, List<ClassifiedCrop> crops) {
        return ClassificationReport.of(config.classNames(), crops, config.nonGlomerularClass());
    }
}
