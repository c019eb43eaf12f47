package org.gloinone.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of checking one model package ({@code glo-in-one models check}).
 *
 * @param source          the package folder or zip
 * @param name            the model's name, or the file name when rdf.yaml could not be read
 * @param task            the task, or null when rdf.yaml could not be read
 * @param weightsVerified the weights' SHA-256 matches rdf.yaml
 * @param loaded          the SavedModel loaded and matches rdf.yaml's tensors
 * @param outputsCompared test outputs compared
 * @param outputsMatching test outputs within tolerance
 * @param maxDifference   the largest absolute difference seen over all compared outputs
 * @param problem         the first problem, or null when the check passed
 */
public record ModelCheck(Path source, String name, Task task, boolean weightsVerified, boolean loaded,
                         int outputsCompared, int outputsMatching, double maxDifference, String problem) {
    public ModelCheck {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
    }

    /** True when the weights, the load and every test output passed. */
    public boolean passed() {
        return problem == null && weightsVerified && loaded && outputsCompared > 0
                && outputsMatching == outputsCompared;
    }
}
