package org.gloinone.model;

import java.util.Map;

/**
 * Runs a loaded network on batches. Holds native memory: close it (try-with-resources).
 * One predictor may be used by one thread at a time.
 */
public interface Predictor extends AutoCloseable {

    /**
     * Runs one batch through the network.
     *
     * @param input the network input, NHWC, already preprocessed as the model's spec says
     * @return every output of the network by its name in the model spec
     * @throws ModelException if the network cannot run on this input
     */
    Map<String, FloatTensor> predict(FloatTensor input) throws ModelException;

    @Override
    void close();
}
