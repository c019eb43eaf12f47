package org.gloinone.pipeline;

import java.util.Objects;

import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;

/**
 * One loaded network ready for a stage: its spec, its predictor and what identifies it in results.
 * The predictor stays owned by whoever loaded it; the pipeline never closes it.
 *
 * @param spec      the validated rdf.yaml
 * @param predictor the network
 * @param info      name, version and sha256 for the result
 */
public record StageModel(ModelSpec spec, Predictor predictor, ModelInfo info) {
    public StageModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(info, "info");
    }
}
