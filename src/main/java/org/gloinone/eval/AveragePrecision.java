package org.gloinone.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * COCO-style average precision of ranked detections at one IoU threshold.
 * <p>
 * The precision-recall curve is taken at every distinct score: detections with equal scores enter together,
 * so the result does not depend on the order of ties (pycocotools instead breaks ties by input order; the two
 * agree when no scores tie). Precision is made monotone (each point takes the best precision at any higher
 * recall), then read at the 101 recall levels 0, 0.01, ..., 1 (the first curve point whose recall reaches the
 * level; 0 when none does) and averaged, as pycocotools' {@code COCOeval.accumulate} does. Recall levels are
 * compared in exact integer arithmetic ({@code 100 * tp >= k * truths}). Ignored detections count neither way.
 */
public final class AveragePrecision {
    /** Number of COCO recall levels, 0 to 1 in steps of 0.01. */
    public static final int RECALL_LEVELS = 101;

    private AveragePrecision() {
    }

    /**
     * Average precision of the given outcomes (from all images) over {@code truths} ground truths.
     *
     * @return AP in [0, 1], or NaN when there are no ground truths (undefined, as COCO's -1)
     */
    public static double of(List<DetectionOutcome> outcomes, int truths) {
        if (truths < 0) {
            throw new IllegalArgumentException("number of ground truths must be >= 0, got " + truths);
        }
        if (truths == 0) {
            return Double.NaN;
        }
        List<DetectionOutcome> ranked = new ArrayList<>(outcomes);
        ranked.removeIf(o -> o.kind() == DetectionOutcome.Kind.IGNORED);
        ranked.sort(Comparator.comparingDouble((DetectionOutcome o) -> -o.detection().score()));
        List<long[]> curve = new ArrayList<>(); // {tp, fp} after each group of equal scores
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).kind() == DetectionOutcome.Kind.TRUE_POSITIVE) {
                tp++;
            } else {
                fp++;
            }
            boolean groupEnds = i + 1 == ranked.size()
                    || ranked.get(i + 1).detection().score() != ranked.get(i).detection().score();
            if (groupEnds) {
                curve.add(new long[] {tp, fp});
            }
        }
        int n = curve.size();
        double[] precision = new double[n];
        for (int i = 0; i < n; i++) {
            precision[i] = (double) curve.get(i)[0] / (curve.get(i)[0] + curve.get(i)[1]);
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double sum = 0;
        int point = 0;
        for (int k = 0; k < RECALL_LEVELS; k++) {
            while (point < n && 100 * curve.get(point)[0] < (long) k * truths) {
                point++;
            }
            if (point < n) {
                sum += precision[point];
            }
        }
        return sum / RECALL_LEVELS;
    }
}
