package org.gloinone.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gloinone.detect.Detection;

/**
 * Chooses the pipeline's two thresholds together: the detector's score threshold and the classifier's rejection
 * threshold (the non-glomerular probability at which a detection is dropped). The choice maximises the F1 of the
 * glomeruli a run reports (true positives at circle IoU 0.50 against missed and false ones, detections in ignore
 * regions left out) over a set of validation images, e.g. held-out tiles rendered at several pixel sizes.
 * <p>
 * Pairs whose F1 falls short of the best by less than one found glomerulus is worth (2 / (2TP + FP + FN) of the
 * best pair) tie with it, and of the tied pairs the one that reports the fewest detections wins, then the higher
 * score threshold, then the lower rejection threshold: false circles on tubules are what inflates counts on other
 * labs' slides, and a validation set of a few dozen glomeruli cannot tell such near ties apart.
 */
public final class OperatingPoints {
    /** Score thresholds tried: 0.05 to 0.95 by 0.05. */
    public static final double[] SCORE_GRID = grid(0.05, 0.95, 0.05);
    /** Rejection thresholds tried: 0.2 to 1 by 0.05; 1 rejects only what is certain. */
    public static final double[] REJECT_GRID = grid(0.2, 1.0, 0.05);

    private OperatingPoints() {
    }

    /**
     * One validation image.
     *
     * @param name          for messages
     * @param truth         its ground truth
     * @param detections    all its detections, down to a low score
     * @param nonGlomerular the classifier's non-glomerular probability of each detection
     */
    public record Image(String name, TileGroundTruth truth, List<Detection> detections, double[] nonGlomerular) {
        public Image {
            detections = List.copyOf(detections);
            nonGlomerular = nonGlomerular.clone();
            if (nonGlomerular.length != detections.size()) {
                throw new IllegalArgumentException(name + ": " + nonGlomerular.length + " probabilities for "
                        + detections.size() + " detections");
            }
        }
    }

    /**
     * A pair of thresholds and what it gives.
     *
     * @param scoreThreshold  detections below this score are dropped
     * @param rejectThreshold detections whose non-glomerular probability reaches this are dropped
     * @param truePositives   reported glomeruli matching a true one
     * @param falsePositives  reported detections matching none (outside ignore regions)
     * @param falseNegatives  true glomeruli not reported
     */
    public record Choice(double scoreThreshold, double rejectThreshold, long truePositives, long falsePositives,
                         long falseNegatives) {
        /** 2 TP / (2 TP + FP + FN); NaN when all three are 0. */
        public double f1() {
            long d = 2 * truePositives + falsePositives + falseNegatives;
            return d == 0 ? Double.NaN : 2.0 * truePositives / d;
        }

        /** Detections the pair keeps: found glomeruli and false ones. */
        public long reported() {
            return truePositives + falsePositives;
        }
    }

    /** What a pair of thresholds gives on the images. */
    public static Choice score(List<Image> images, double scoreThreshold, double rejectThreshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Image img : images) {
            List<Detection> kept = new ArrayList<>();
            for (int i = 0; i < img.detections().size(); i++) {
                if (img.detections().get(i).score() >= scoreThreshold && img.nonGlomerular()[i] < rejectThreshold) {
                    kept.add(img.detections().get(i));
                }
            }
            long found = 0;
            for (DetectionOutcome o : CircleMatcher.match(kept, img.truth(), 0.5)) {
                if (o.kind() == DetectionOutcome.Kind.TRUE_POSITIVE) {
                    found++;
                } else if (o.kind() == DetectionOutcome.Kind.FALSE_POSITIVE) {
                    fp++;
                }
            }
            tp += found;
            fn += img.truth().glomeruli().size() - found;
        }
        return new Choice(scoreThreshold, rejectThreshold, tp, fp, fn);
    }

    /** The pair of the grids with the best F1, near ties going to the strictest (see the class comment). */
    public static Choice best(List<Image> images, double[] scoreGrid, double[] rejectGrid) {
        List<Choice> tried = new ArrayList<>();
        for (double s : scoreGrid) {
            for (double r : rejectGrid) {
                tried.add(score(images, s, r));
            }
        }
        Choice top = tried.stream().filter(c -> !Double.isNaN(c.f1()))
                .max(Comparator.comparingDouble(Choice::f1)).orElse(null);
        return tried.stream()
                .filter(c -> top == null || !Double.isNaN(c.f1()) && top.f1() - c.f1() < oneGlomerulus(top))
                .min(Comparator.comparingLong(Choice::reported)
                        .thenComparing(Comparator.comparingDouble(Choice::scoreThreshold).reversed())
                        .thenComparingDouble(Choice::rejectThreshold))
                .orElseThrow(() -> new IllegalArgumentException("empty threshold grid"));
    }

    /** The F1 the pair would lose if one glomerulus it finds were missed instead. */
    private static double oneGlomerulus(Choice c) {
        return 2.0 / (2 * c.truePositives() + c.falsePositives() + c.falseNegatives());
    }

    private static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round((from + i * step) * 100) / 100.0;
        }
        return g;
    }
}
