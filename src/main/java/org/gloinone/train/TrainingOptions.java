package org.gloinone.train;

import java.nio.file.Path;

/**
 * How to train.
 *
 * @param epochs          passes over {@link TrainingTask#samplesPerEpoch()} samples
 * @param batchSize       samples per step
 * @param learningRate    peak Adam learning rate (cosine decay to 1/100 of it)
 * @param weightDecay     L2 factor on kernels
 * @param seed            seed of weights, batches, augmentation and dropout
 * @param checkpointDir   folder for the checkpoint written after every epoch, or null for none
 * @param resume          continue from the checkpoint in {@code checkpointDir}
 * @param validateEvery   run the validation every this many epochs (and after the last)
 * @param intraOpThreads  threads inside one TensorFlow operation; 0 lets TensorFlow choose (one per core). TensorFlow
 *                        sizes this pool once per process, from the first session, unless the environment variable
 *                        {@code TF_OVERRIDE_GLOBAL_THREADPOOL} is {@code true} (the test build sets it)
 * @param interOpThreads  TensorFlow operations run in parallel; 0 lets TensorFlow choose
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double weightDecay, long seed,
                              Path checkpointDir, boolean resume, int validateEvery, int intraOpThreads,
                              int interOpThreads) {
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
        if (intraOpThreads < 0 || intraOpThreads > 1024) {
            throw new IllegalArgumentException("intra-op threads must be in [0, 1024], got " + intraOpThreads);
        }
        if (interOpThreads < 0 || interOpThreads > 1024) {
            throw new IllegalArgumentException("inter-op threads must be in [0, 1024], got " + interOpThreads);
        }
    }

    /** Options with TensorFlow's thread defaults (all cores). */
    public TrainingOptions(int epochs, int batchSize, double learningRate, double weightDecay, long seed,
                           Path checkpointDir, boolean resume, int validateEvery) {
        this(epochs, batchSize, learningRate, weightDecay, seed, checkpointDir, resume, validateEvery, 0, 0);
    }

    /**
     * The same options on one intra-op and one inter-op thread. How TensorFlow's CPU kernels split their sums
     * depends on the thread counts, and Adam turns the rounding differences into steps of up to the learning
     * rate; on one thread a run's weights do not depend on the number of cores nor on the sessions opened before.
     */
    public TrainingOptions reproducible() {
        return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, seed, checkpointDir, resume,
                validateEvery, 1, 1);
    }
}
