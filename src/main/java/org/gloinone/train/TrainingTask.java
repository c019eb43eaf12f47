package org.gloinone.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gloinone.model.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** What a {@link Trainer} needs from one task: the network, its loss, its batches and its validation. */
public interface TrainingTask {

    /** The task. */
    Task task();

    /** Edge of the square training inputs in pixels. */
    int inputSize();

    /** Whether the exported model accepts any input size (fully convolutional), not only {@link #inputSize()}. */
    default boolean anyInputSize() {
        return false;
    }

    /**
     * Builds the network on {@code image} (NHWC RGB 0-1). Returns the exported outputs under their names plus any
     * outputs the loss needs (e.g. logits).
     */
    Map<String, Operand<TFloat32>> network(Layers layers, Operand<TFloat32> image);

    /** A network's outputs: the exported {@code name} (the activated logits) and the logits the loss needs. */
    static Map<String, Operand<TFloat32>> withLogits(String name, Operand<TFloat32> activated,
                                                     Operand<TFloat32> logits) {
        Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
        out.put(name, activated);
        out.put("logits", logits);
        return out;
    }

    /** Names of the outputs exported in the SavedModel, in signature order. */
    List<String> exportedOutputs();

    /** Per-sample shapes of the targets, by name. */
    Map<String, long[]> targetShapes();

    /** The scalar training loss. */
    Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> outputs, Map<String, Operand<TFloat32>> targets);

    /** Training samples per epoch. */
    int samplesPerEpoch();

    /** A random augmented training batch; the same {@code rnd} state gives the same batch. */
    Batch trainingBatch(Random rnd, int size);

    /** Validation metrics (held-out slides/tiles) by name. */
    Map<String, Double> validate(Inference inference);

    /** Validation inputs and expected outputs for the package's test tensors: one input image. */
    Batch exampleInput();
}
