package org.gloinone.pipeline;

/**
 * Identifies a model used for a result, for reproducibility.
 *
 * @param task    detect, classify or segment
 * @param name    model name
 * @param version model version
 * @param sha256  sha256 of the weights
 */
public record ModelInfo(String task, String name, String version, String sha256) {
}
