package org.gloinone.train;

/**
 * Learning rate with a linear warm-up followed by a cosine decay to {@code minRate} at {@code totalSteps}.
 *
 * @param maxRate     peak learning rate
 * @param minRate     final learning rate
 * @param warmupSteps steps of linear warm-up from maxRate/10
 * @param totalSteps  steps of the whole run
 */
public record CosineSchedule(double maxRate, double minRate, int warmupSteps, int totalSteps) {
    public CosineSchedule {
        if (!(maxRate > 0) || !(minRate >= 0) || minRate > maxRate) {
            throw new IllegalArgumentException("learning rates must satisfy 0 <= min <= max, max > 0; got max "
                    + maxRate + ", min " + minRate);
        }
        if (warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("steps must be >= 0 (warm-up) and >= 1 (total)");
        }
    }

    /** The learning rate at step {@code step} (0-based). */
    public double rate(int step) {
        if (step < warmupSteps) {
            return maxRate * (0.1 + 0.9 * step / (double) warmupSteps);
        }
        double t = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps));
        return minRate + 0.5 * (maxRate - minRate) * (1 + Math.cos(Math.PI * t));
    }
}
