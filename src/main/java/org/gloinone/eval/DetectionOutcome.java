package org.gloinone.eval;

import org.gloinone.detect.Detection;

/**
 * What one detection turned out to be at one circle-IoU threshold.
 *
 * @param detection  the detection
 * @param kind       true positive, false positive, or ignored
 * @param truthIndex index of the matched ground truth, or -1 when not a true positive
 * @param iou        circle IoU with the matched ground truth; when unmatched, the best IoU with any ground truth
 *                   (0 when there is none)
 */
public record DetectionOutcome(Detection detection, Kind kind, int truthIndex, double iou) {

    /** The three fates of a detection. */
    public enum Kind {
        /** Matched a ground-truth glomerulus not yet taken by a higher-scored detection. */
        TRUE_POSITIVE,
        /** Matched nothing and lies outside every ignore region. */
        FALSE_POSITIVE,
        /** Matched nothing, but its centre lies in an ignore region: counted neither way. */
        IGNORED
    }

    public DetectionOutcome {
        if ((kind == Kind.TRUE_POSITIVE) != (truthIndex >= 0)) {
            throw new IllegalArgumentException("a true positive needs a ground-truth index, others -1; got "
                    + kind + " with " + truthIndex);
        }
    }
}
