package org.gloinone.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gloinone.detect.Detection;

/**
 * A detector recipe cross-validated over groups of tiles: each fold's tiles were scored by a detector trained without
 * them. The tiles carry no slide ids, so a fold is a range of tile ids that keeps neighbouring tiles together.
 * Gives each fold's scores and their mean ± sd (the figure to quote for the recipe), the folds pooled into one
 * report, and the pipeline's two thresholds chosen fold by fold.
 */
public final class DetectionFolds {
    private DetectionFolds() {
    }

    /**
     * What one fold's detector gave on the fold's tiles.
     *
     * @param tiles   the fold's tile names
     * @param atOwn   the report at the tiles' own pixel size
     * @param swept   one report per swept pixel size, in the sweep's order
     * @param images  every detection with its non-glomerular probability, at the own and swept pixel sizes, for the
     *                choice of thresholds; empty without a classifier
     */
    public record Fold(List<String> tiles, DetectionReport atOwn, List<DetectionReport> swept,
                       List<OperatingPoints.Image> images) {
        public Fold {
            tiles = List.copyOf(tiles);
            swept = List.copyOf(swept);
            images = List.copyOf(images);
        }
    }

    /**
     * Each fold's scores: n (annotated glomeruli), AP, AP50, recall, precision and the mean absolute relative count
     * error per tile at the tiles' pixel size, then AP50, recall, precision and count error at each swept pixel size
     * (keys ending in {@code _at_X}, X in µm/px).
     *
     * @throws IllegalArgumentException if a fold's sweep does not match {@code sweep}
     */
    public static FoldScores scores(List<Fold> folds, List<Double> sweep) {
        List<Set<String>> held = new ArrayList<>();
        List<Map<String, Double>> per = new ArrayList<>();
        for (Fold f : folds) {
            if (f.swept().size() != sweep.size()) {
                throw new IllegalArgumentException(f.swept().size() + " swept reports for " + sweep.size()
                        + " pixel sizes");
            }
            held.add(new LinkedHashSet<>(f.tiles()));
            DetectionScores own = f.atOwn().scores();
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("n", (double) own.truths());
            s.put("ap", own.averagePrecision());
            s.put("ap50", own.ap50());
            s.put("recall", own.recall());
            s.put("precision", own.precision());
            s.put("count_error", own.counts().meanAbsoluteRelativeError());
            for (int i = 0; i < sweep.size(); i++) {
                DetectionScores at = f.swept().get(i).scores();
                String suffix = "_at_" + pixelSize(sweep.get(i));
                s.put("ap50" + suffix, at.ap50());
                s.put("recall" + suffix, at.recall());
                s.put("precision" + suffix, at.precision());
                s.put("count_error" + suffix, at.counts().meanAbsoluteRelativeError());
            }
            per.add(s);
        }
        return new FoldScores(held, per);
    }

    /** The folds' reports as one dataset, scored at {@code scoreThreshold}. */
    public static DetectionReport pooled(List<DetectionReport> reports, double scoreThreshold) {
        DetectionEvaluation all = new DetectionEvaluation();
        for (DetectionReport r : reports) {
            for (DetectionEvaluation.ImageResult img : r.images()) {
                List<Detection> found = img.outcomes().stream().map(DetectionOutcome::detection).toList();
                all.add(img.name(), found, img.truth(), img.classes());
            }
        }
        return new DetectionReport(all.scores(scoreThreshold), all.images());
    }

    /**
     * The thresholds each fold would get from the others: for fold k, the best pair (see
     * {@link OperatingPoints#best}) on the images of every other fold, and what that pair gives on fold k's images.
     * Their F1 is the honest figure of the choice; the pair chosen on all folds is the one to ship.
     *
     * @throws IllegalArgumentException with fewer than two folds
     */
    public static List<OperatingPoints.Choice> crossValidatedChoices(List<Fold> folds, double[] scoreGrid,
                                                                     double[] rejectGrid) {
        if (folds.size() < 2) {
            throw new IllegalArgumentException("choosing thresholds fold by fold needs at least 2 folds, got "
                    + folds.size());
        }
        List<OperatingPoints.Choice> out = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            List<OperatingPoints.Image> others = new ArrayList<>();
            for (int j = 0; j < folds.size(); j++) {
                if (j != k) {
                    others.addAll(folds.get(j).images());
                }
            }
            OperatingPoints.Choice chosen = OperatingPoints.best(others, scoreGrid, rejectGrid);
            out.add(OperatingPoints.score(folds.get(k).images(), chosen.scoreThreshold(), chosen.rejectThreshold()));
        }
        return out;
    }

    /** Every fold's threshold-choice images. */
    public static List<OperatingPoints.Image> images(List<Fold> folds) {
        return folds.stream().flatMap(f -> f.images().stream()).toList();
    }

    private static String pixelSize(double micronsPerPixel) {
        return String.format(Locale.ROOT, "%s", micronsPerPixel).replaceFirst("\\.0$", "");
    }
}
