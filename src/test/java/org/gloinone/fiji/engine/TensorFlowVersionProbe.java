package org.gloinone.fiji.engine;

import java.util.function.Supplier;

/** Says which {@code org.tensorflow.TensorFlow} its class loader links to: the engine side of the isolation test. */
public final class TensorFlowVersionProbe implements Supplier<String> {
    @Override
    public String get() {
        return org.tensorflow.TensorFlow.version();
    }
}
