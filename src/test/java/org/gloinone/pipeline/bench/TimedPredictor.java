package org.gloinone.pipeline.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;

/** Wraps a predictor and adds up the wall time spent inside it. Closes the wrapped predictor. */
public final class TimedPredictor implements Predictor {
    private final Predictor inner;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    /** Times {@code inner}. */
    public TimedPredictor(Predictor inner) {
        this.inner = inner;
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
        long t0 = System.nanoTime();
        try {
            return inner.predict(input);
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
            batches.incrementAndGet();
        }
    }

    /** Wall time spent inside the network so far, in nanoseconds. */
    public long nanos() {
        return nanos.get();
    }

    /** Batches run so far. */
    public long batches() {
        return batches.get();
    }

    /** Forgets the time and batches counted so far. */
    public void reset() {
        nanos.set(0);
        batches.set(0);
    }

    @Override
    public void close() {
        inner.close();
    }
}
