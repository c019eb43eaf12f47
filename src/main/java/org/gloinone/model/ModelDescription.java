package org.gloinone.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The descriptive and technical parts of a package's rdf.yaml that {@link ModelSpec} does not hold:
 * who made it, under which licence, its tensors, weights and test tolerance (bioimage.io model format 0.5).
 *
 * @param description       one-paragraph description
 * @param authors           author names
 * @param license           SPDX licence identifier, e.g. {@code CC-BY-4.0}
 * @param documentation     package-relative path of the model card, normally {@code MODEL_CARD.md}
 * @param citations         citation texts (e.g. the method paper)
 * @param inputs            the input tensors (Glo-In-One models have one, {@code image})
 * @param outputs           the output tensors
 * @param weightsSource     package-relative path of the SavedModel folder
 * @param weightsSha256     SHA-256 of the SavedModel (see {@link WeightsDigest}), lower-case hex, or null if unknown
 * @param tensorflowVersion TensorFlow version that exported the SavedModel
 * @param absoluteTolerance test outputs may differ from the reference by this much ...
 * @param relativeTolerance ... plus this fraction of the reference value
 */
public record ModelDescription(String description, List<String> authors, String license, String documentation,
                               List<String> citations, List<TensorDescription> inputs,
                               List<TensorDescription> outputs, String weightsSource, String weightsSha256,
                               String tensorflowVersion, double absoluteTolerance, double relativeTolerance) {
    /** Default tolerance when rdf.yaml gives none; float32 CPU results of one model agree far closer. */
    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-4;
    /** Default relative tolerance when rdf.yaml gives none. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-3;

    public ModelDescription {
        Objects.requireNonNull(description, "description");
        authors = List.copyOf(authors);
        Objects.requireNonNull(license, "license");
        citations = List.copyOf(citations);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(weightsSource, "weights.tensorflow_saved_model_bundle.source");
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one input and one output");
        }
        if (weightsSha256 != null && !weightsSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("weights.tensorflow_saved_model_bundle.sha256 must be 64 lower-case "
                    + "hex digits, got '" + weightsSha256 + "'");
        }
        if (!(absoluteTolerance >= 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("reproducibility tolerances must be >= 0, got "
                    + absoluteTolerance + " and " + relativeTolerance);
        }
    }

    /** The output tensor with this id, if any. */
    public Optional<TensorDescription> output(String id) {
        return outputs.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The input tensor with this id, if any. */
    public Optional<TensorDescription> input(String id) {
        return inputs.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The same description with another weights digest (used when a package is written). */
    public ModelDescription withWeightsSha256(String sha256) {
        return new ModelDescription(description, authors, license, documentation, citations, inputs, outputs,
                weightsSource, sha256, tensorflowVersion, absoluteTolerance, relativeTolerance);
    }

    /** The same description with other tensors (used when test tensor paths are filled in). */
    public ModelDescription withTensors(List<TensorDescription> newInputs, List<TensorDescription> newOutputs) {
        return new ModelDescription(description, authors, license, documentation, citations, newInputs, newOutputs,
                weightsSource, weightsSha256, tensorflowVersion, absoluteTolerance, relativeTolerance);
    }
}
