package org.gloinone.detect;

/**
 * What the user chose for detection, with the model's defaults already resolved.
 *
 * @param scoreThreshold    minimum detection score, in [0, 1]
 * @param nmsIou            circle IoU above which the lower-scored of two circles is dropped, in [0, 1]
 * @param useTissueMask     skip tiles with too little tissue
 * @param minTissueFraction tiles with a smaller tissue fraction are skipped, in [0, 1]
 * @param batchSize         tiles per network call, at least 1
 */
public record DetectionSettings(double scoreThreshold, double nmsIou, boolean useTissueMask,
                                double minTissueFraction, int batchSize) {
    public DetectionSettings {
        requireUnit("score", scoreThreshold);
        requireUnit("nms-iou", nmsIou);
        requireUnit("min-tissue", minTissueFraction);
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batch size must be in [1, 1024], got " + batchSize);
        }
    }

    private static void requireUnit(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be in [0, 1], got " + value);
        }
    }
}
