package org.gloinone.train;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between Java float arrays and TensorFlow tensors. */
public final class Tensors {
    private Tensors() {
    }

    /** A new tensor of the given shape holding a copy of {@code values}. The caller closes it. */
    public static TFloat32 floats(float[] values, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    /** The tensor's values in row-major order. */
    public static float[] toFloats(TFloat32 t) {
        float[] out = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
