package org.gloinone.eval;

import java.util.List;

/**
 * The detection metrics of a dataset, as CircleNet reports them.
 *
 * @param averagePrecision AP averaged over circle IoU 0.50:0.05:0.95 (COCO's AP)
 * @param ap50             AP at circle IoU 0.50
 * @param ap75             AP at circle IoU 0.75
 * @param apPerThreshold   AP at each of the ten IoU thresholds 0.50, 0.55, ..., 0.95
 * @param scoreThreshold   the score at or above which a detection counts for recall and precision
 * @param recall           true positives / ground truths at IoU 0.50 among detections at or above the threshold
 * @param precision        true positives / (true + false positives) likewise; NaN when there is no such detection
 * @param truths           ground-truth glomeruli
 * @param ignoreRegions    components below the minimum area
 * @param detections       all detections
 * @param ignored          detections ignored at IoU 0.50 (centre in an ignore region)
 * @param counts           per image, the glomeruli found at the score threshold against the truth
 */
public record DetectionScores(double averagePrecision, double ap50, double ap75, List<Double> apPerThreshold,
                              double scoreThreshold, double recall, double precision, int truths,
                              int ignoreRegions, int detections, int ignored,
                              CountErrors counts) {
    public DetectionScores {
        apPerThreshold = List.copyOf(apPerThreshold);
    }
}
