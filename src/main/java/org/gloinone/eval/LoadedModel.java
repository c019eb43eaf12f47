package org.gloinone.eval;

import java.util.Objects;

import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;

/**
 * A model to evaluate: its validated spec and a predictor running it. Closing it closes the predictor, then
 * releases what the model was loaded from (e.g. an unpacked zip).
 */
public final class LoadedModel implements AutoCloseable {

    /** Releases what a model was loaded from. */
    @FunctionalInterface
    public interface Release {
        /** @throws ModelException naming the file that could not be released */
        void run() throws ModelException;
    }

    private final ModelSpec spec;
    private final Predictor predictor;
    private final Release release;

    /** A model with nothing to release but its predictor. */
    public LoadedModel(ModelSpec spec, Predictor predictor) {
        this(spec, predictor, () -> { });
    }

    /** A model whose source is released after its predictor is closed. */
    public LoadedModel(ModelSpec spec, Predictor predictor, Release release) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.release = Objects.requireNonNull(release, "release");
    }

    /** The model's spec. */
    public ModelSpec spec() {
        return spec;
    }

    /** Runs the model. */
    public Predictor predictor() {
        return predictor;
    }

    @Override
    public void close() throws ModelException {
        try {
            predictor.close();
        } finally {
            release.run();
        }
    }
}
