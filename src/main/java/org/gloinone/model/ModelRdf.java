package org.gloinone.model;

import java.util.Objects;

/**
 * A parsed rdf.yaml: what the pipeline needs ({@link ModelSpec}) and everything else ({@link ModelDescription}).
 *
 * @param spec        the validated pipeline settings
 * @param description authors, licence, tensors, weights and test tolerance
 */
public record ModelRdf(ModelSpec spec, ModelDescription description) {
    public ModelRdf {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(description, "description");
    }
}
