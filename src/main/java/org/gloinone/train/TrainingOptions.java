package org.gloinone.train;

import java.nio.file.Path;

/**
 * How to train.
 *
 * @param epochs          passes over {@link TrainingTask#samplesPerEpoch()} samples
 * @param batchSize       samples per step
 * @param learningRate    peak Adam learning rate (cosine decay to 1/100 of it)
 * @param weightDecay     L2 factor on kernels
 * @param seed            seed of weights, batches and augmentation
 * @param checkpointDir   folder for the checkpoint written after every epoch, or null for none
 * @param resume          continue from the checkpoint in {@code checkpointDir}
 * @param validateEvery   run the validation every this many epochs (and after the last)
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double weightDecay, long seed,
                              Path checkpointDir, boolean resume, int validateEvery) {
    public TrainingOptions {
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be >= 0, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("--lr must be in (0, 1), got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (resume && checkpointDir == null) {
            throw new IllegalArgumentException("--resume needs a checkpoint folder");
        }
        if (validateEvery < 1) {
            throw new IllegalArgumentException("validateEvery must be >= 1, got " + validateEvery);
        }
    }
}
