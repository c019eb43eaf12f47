package org.gloinone.eval;

import java.util.List;

/**
 * Detection scores of a tiles dataset and the matches behind them.
 *
 * @param scores the metrics
 * @param images per tile, each detection's outcome at circle IoU 0.50
 */
public record DetectionReport(DetectionScores scores, List<DetectionEvaluation.ImageResult> images) {
    public DetectionReport {
        images = List.copyOf(images);
    }
}
