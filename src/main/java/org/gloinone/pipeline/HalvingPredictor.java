package org.gloinone.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;
import org.tensorflow.exceptions.TFResourceExhaustedException;

/**
 * Runs a batch that does not fit in (GPU) memory as two halves, recursively down to single images,
 * instead of failing the whole slide, as CSBDeep does. Outputs are joined along the batch dimension,
 * so callers see the same result as from one call. Other failures pass through unchanged. Does not
 * own the wrapped predictor: closing this closes nothing.
 */
public final class HalvingPredictor implements Predictor {
    private final Predictor inner;

    /** Wraps {@code inner}. */
    public HalvingPredictor(Predictor inner) {
        this.inner = inner;
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
        try {
            return inner.predict(input);
        } catch (ModelException | RuntimeException e) {
            int n = input.dim(0);
            if (n < 2 || !isOutOfMemory(e)) {
                throw e;
            }
            int half = n / 2;
            Map<String, FloatTensor> first = predict(slice(input, 0, half));
            Map<String, FloatTensor> second = predict(slice(input, half, n));
            return join(first, second);
        }
    }

    /** True when TensorFlow ran out of memory somewhere in the cause chain. */
    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TFResourceExhaustedException) {
                return true;
            }
        }
        return false;
    }

    private static FloatTensor slice(FloatTensor t, int from, int to) {
        int per = t.data().length / t.dim(0);
        long[] shape = t.shape().clone();
        shape[0] = to - from;
        return new FloatTensor(shape, Arrays.copyOfRange(t.data(), from * per, to * per));
    }

    private static Map<String, FloatTensor> join(Map<String, FloatTensor> a, Map<String, FloatTensor> b)
            throws ModelException {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : a.entrySet()) {
            FloatTensor x = e.getValue();
            FloatTensor y = b.get(e.getKey());
            if (y == null || x.rank() != y.rank()
                    || !Arrays.equals(Arrays.copyOfRange(x.shape(), 1, x.rank()), Arrays.copyOfRange(y.shape(), 1, y.rank()))) {
                throw new ModelException("output '" + e.getKey() + "' changed shape between half batches: "
                        + Arrays.toString(x.shape()) + " and " + (y == null ? "missing" : Arrays.toString(y.shape())));
            }
            long[] shape = x.shape().clone();
            shape[0] = x.shape()[0] + y.shape()[0];
            float[] data = Arrays.copyOf(x.data(), x.data().length + y.data().length);
            System.arraycopy(y.data(), 0, data, x.data().length, y.data().length);
            out.put(e.getKey(), new FloatTensor(shape, data));
        }
        return out;
    }

    /** Leaves the wrapped predictor open: its owner closes it. */
    @Override
    public void close() {
    }
}
