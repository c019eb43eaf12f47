package org.gloinone.model;

import java.util.Objects;

/**
 * How a {@link TensorFlowPredictor} runs.
 *
 * @param device         where to run ({@code auto} falls back to the CPU when no GPU is usable)
 * @param intraOpThreads threads inside one operation (e.g. a convolution); 0 lets TensorFlow choose
 * @param interOpThreads operations run in parallel; 0 lets TensorFlow choose
 * @param trustModel     load the model even if its graph holds operations that touch files, processes or
 *                       the network (see {@link SavedModelScanner})
 */
public record PredictorOptions(Device device, int intraOpThreads, int interOpThreads, boolean trustModel) {
    public PredictorOptions {
        Objects.requireNonNull(device, "device");
        if (intraOpThreads < 0 || intraOpThreads > 1024) {
            throw new IllegalArgumentException("intra-op threads must be in [0, 1024], got " + intraOpThreads);
        }
        if (interOpThreads < 0 || interOpThreads > 1024) {
            throw new IllegalArgumentException("inter-op threads must be in [0, 1024], got " + interOpThreads);
        }
    }

    /** CPU, TensorFlow's thread defaults, untrusted models refused. */
    public static PredictorOptions defaults() {
        return new PredictorOptions(Device.CPU, 0, 0, false);
    }

    /** The same options on another device. */
    public PredictorOptions withDevice(Device d) {
        return new PredictorOptions(d, intraOpThreads, interOpThreads, trustModel);
    }

    /** The same options, trusting (or not) the model's graph. */
    public PredictorOptions withTrustModel(boolean trust) {
        return new PredictorOptions(device, intraOpThreads, interOpThreads, trust);
    }
}
