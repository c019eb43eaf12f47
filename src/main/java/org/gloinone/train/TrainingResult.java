package org.gloinone.train;

import java.util.Map;

/**
 * The outcome of a training run.
 *
 * @param weights     exportable variables (weights and batch-norm statistics) by name
 * @param metrics     validation metrics of the final weights
 * @param epochs      epochs completed
 * @param steps       optimizer steps completed
 * @param finalLoss   mean training loss of the last epoch
 * @param parameterCount trainable scalars
 */
public record TrainingResult(Map<String, float[]> weights, Map<String, Double> metrics, int epochs, int steps,
                             double finalLoss, long parameterCount) {
}
