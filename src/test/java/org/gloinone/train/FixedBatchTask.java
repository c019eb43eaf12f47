package org.gloinone.train;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gloinone.model.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Wraps a real task so that every training step sees the same mini-batch. */
final class FixedBatchTask implements TrainingTask {
    private final TrainingTask task;
    private final Batch batch;

    FixedBatchTask(TrainingTask task, int size) {
        this.task = task;
        this.batch = task.trainingBatch(new Random(1), size);
    }

    @Override public Task task() { return task.task(); }
    @Override public int inputSize() { return task.inputSize(); }
    @Override public boolean anyInputSize() { return task.anyInputSize(); }
    @Override public Map<String, Operand<TFloat32>> network(Layers l, Operand<TFloat32> image) {
        return task.network(l, image);
    }
    @Override public List<String> exportedOutputs() { return task.exportedOutputs(); }
    @Override public Map<String, long[]> targetShapes() { return task.targetShapes(); }
    @Override public Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> o, Map<String, Operand<TFloat32>> t) {
        return task.loss(tf, o, t);
    }
    @Override public int samplesPerEpoch() { return batch.size(); }
    @Override public Batch trainingBatch(Random rnd, int size) { return batch; }
    @Override public Map<String, Double> validate(Inference inference) { return Map.of(); }
    @Override public Batch exampleInput() { return task.exampleInput(); }
}
