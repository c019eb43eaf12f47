package org.gloinone.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;
import org.junit.jupiter.api.Test;
import org.tensorflow.exceptions.TFResourceExhaustedException;

class HalvingPredictorTest {

    /** Doubles each value; batches above {@code fits} run out of memory. */
    private static final class SmallMemory implements Predictor {
        final int fits;
        final List<Integer> sizes = new ArrayList<>();

        SmallMemory(int fits) {
            this.fits = fits;
        }

        @Override
        public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
            sizes.add(input.dim(0));
            if (input.dim(0) > fits) {
                throw new ModelException("detector: batch too large",
                        new TFResourceExhaustedException("OOM when allocating tensor"));
            }
            float[] out = new float[input.data().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = 2 * input.data()[i];
            }
            return Map.of("y", new FloatTensor(input.shape(), out));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aBatchTooLargeIsRunInHalvesAndJoinedInOrder() throws ModelException {
        SmallMemory net = new SmallMemory(2);
        float[] x = new float[5 * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        FloatTensor y = new HalvingPredictor(net).predict(new FloatTensor(new long[] {5, 2}, x)).get("y");
        assertArrayEquals(new long[] {5, 2}, y.shape());
        for (int i = 0; i < x.length; i++) {
            assertEquals(2f * i, y.data()[i]);
        }
        assertEquals(List.of(5, 2, 3, 1, 2), net.sizes);
    }

    @Test
    void otherFailuresAndSingleImagesPassThrough() {
        ModelException other = new ModelException("detector: output 'heatmap' missing");
        Predictor broken = new Predictor() {
            @Override
            public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
                throw other;
            }

            @Override
            public void close() {
            }
        };
        ModelException e = assertThrows(ModelException.class,
                () -> new HalvingPredictor(broken).predict(new FloatTensor(new long[] {4, 1}, new float[4])));
        assertSame(other, e);
        assertThrows(ModelException.class,
                () -> new HalvingPredictor(new SmallMemory(0)).predict(new FloatTensor(new long[] {1, 1}, new float[1])));
    }
}
