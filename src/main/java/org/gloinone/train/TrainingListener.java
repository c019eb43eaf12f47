package org.gloinone.train;

import java.util.Map;

/** Receives training progress. */
public interface TrainingListener {
    /** After each step: epoch (1-based), global step (1-based), total steps, smoothed loss, estimated seconds left. */
    void step(int epoch, int step, int totalSteps, double loss, double etaSeconds);

    /** After each epoch, with the validation metrics when they were computed (else empty). */
    void epoch(int epoch, double meanLoss, Map<String, Double> metrics);

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return new TrainingListener() {
            @Override
            public void step(int epoch, int step, int totalSteps, double loss, double etaSeconds) {
            }

            @Override
            public void epoch(int epoch, double meanLoss, Map<String, Double> metrics) {
            }
        };
    }
}
