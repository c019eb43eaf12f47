package org.gloinone.eval;

import java.util.Objects;

import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;

/**
 * A model to evaluate: its validated spec and a predictor running it. Closing it closes the predictor.
 *
 * @param spec      the model's spec
 * @param predictor runs the model
 */
public record LoadedModel(ModelSpec spec, Predictor predictor) implements AutoCloseable {
    public LoadedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(predictor, "predictor");
    }

    @Override
    public void close() {
        predictor.close();
    }
}
