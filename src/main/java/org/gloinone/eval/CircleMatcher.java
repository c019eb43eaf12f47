package org.gloinone.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleIou;
import org.gloinone.detect.Detection;

/**
 * Matches the detections of one image to its ground-truth circles, greedily by score, as COCO does.
 * <p>
 * Detections are visited from the highest score down (equal scores in their given order). Each takes the
 * not-yet-matched ground truth with the highest circle IoU, if that IoU is at least the threshold: a true
 * positive. A detection that takes none is ignored when its centre lies inside an ignore region (a
 * fragment below the minimum glomerulus area; any number of detections may fall in one), otherwise it is a
 * false positive. Ground truths win over ignore regions: a detection that overlaps a glomerulus enough is a
 * true positive even when its centre lies in a fragment.
 */
public final class CircleMatcher {
    private CircleMatcher() {
    }

    /**
     * Matches detections against the ground truth of a tile.
     *
     * @return one outcome per detection, in the order of {@code detections}
     */
    public static List<DetectionOutcome> match(List<Detection> detections, TileGroundTruth truth, double iouThreshold) {
        return match(detections, truth.circles(), truth.ignoreRegions(), iouThreshold);
    }

    /**
     * Matches detections against ground-truth circles and ignore regions.
     *
     * @param iouThreshold minimum circle IoU of a true positive, in (0, 1]
     * @return one outcome per detection, in the order of {@code detections}
     */
    public static List<DetectionOutcome> match(List<Detection> detections, List<Circle> truths,
                                               List<MaskComponent> ignoreRegions, double iouThreshold) {
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + iouThreshold);
        }
        Integer[] order = new Integer[detections.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // A stable sort keeps equal scores in their given order.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -detections.get(i).score()));
        boolean[] taken = new boolean[truths.size()];
        DetectionOutcome[] outcomes = new DetectionOutcome[detections.size()];
        for (int i : order) {
            Detection d = detections.get(i);
            int best = -1;
            double bestIou = 0;
            double anyIou = 0;
            for (int g = 0; g < truths.size(); g++) {
                double iou = CircleIou.of(d.circle(), truths.get(g));
                anyIou = Math.max(anyIou, iou);
                if (!taken[g] && iou >= iouThreshold && iou > bestIou) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                outcomes[i] = new DetectionOutcome(d, DetectionOutcome.Kind.TRUE_POSITIVE, best, bestIou);
            } else {
                boolean ignored = ignoreRegions.stream()
                        .anyMatch(r -> r.contains(d.circle().centerX(), d.circle().centerY()));
                outcomes[i] = new DetectionOutcome(d, ignored ? DetectionOutcome.Kind.IGNORED
                        : DetectionOutcome.Kind.FALSE_POSITIVE, -1, anyIou);
            }
        }
        return new ArrayList<>(Arrays.asList(outcomes));
    }
}
