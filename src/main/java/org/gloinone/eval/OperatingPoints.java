package org.gloinone.eval;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Detection;

/**
 * Chooses the pipeline's two thresholds together: the detector's score threshold and the classifier's rejection
 * threshold (the non-glomerular probability at which a detection is dropped). The choice maximises the F1 of the
 * glomeruli a run reports (true positives at circle IoU 0.50 against missed and false ones, detections in ignore
 * regions left out) over a set of validation images, e.g. held-out tiles rendered at several pixel sizes.
 * On a tie the lower score threshold and then the higher rejection threshold win: the rule that drops the least.
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

    /** The pair of the grids with the best F1 (see the class comment for ties). */
    public static Choice best(List<Image> images, double[] scoreGrid, double[] rejectGrid) {
        Choice best = null;
        for (double s : scoreGrid) {
            for (int r = rejectGrid.length - 1; r >= 0; r--) {
                Choice c = score(images, s, rejectGrid[r]);
                if (best == null || c.f1() > best.f1() || Double.isNaN(best.f1()) && !Double.isNaN(c.f1())) {
                    best = c;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("empty threshold grid");
        }
        return best;
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
