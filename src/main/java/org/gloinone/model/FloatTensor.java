package org.gloinone.model;

import java.util.Arrays;

/**
 * A dense float tensor in row-major order, e.g. a batch of images as NHWC.
 * The arrays are owned by the tensor once passed in; callers must not modify them afterwards.
 *
 * @param shape dimensions, outermost first
 * @param data  values, {@code product(shape)} of them
 */
public record FloatTensor(long[] shape, float[] data) {
    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    /** Size of dimension {@code i}. */
    public int dim(int i) {
        return Math.toIntExact(shape[i]);
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }
}
