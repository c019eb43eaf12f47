package org.gloinone.patch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Prefetcher;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.slide.Slide;

/**
 * Runs a patch network (classifier or segmenter) over circles in batches: the patches of the next batches are
 * read and preprocessed on a second thread while the network works on the current one.
 */
public final class PatchBatches {
    private final ModelSpec spec;
    private final Predictor predictor;
    private final PatchExtractor patches;
    private final int batchSize;

    /** What a stage makes of one batch's network outputs: one result per circle, in order. */
    @FunctionalInterface
    public interface BatchReader<R> {
        List<R> read(List<Circle> circles, Map<String, FloatTensor> outputs) throws ModelException;
    }

    /**
     * @param spec      the network's spec (its preprocessing)
     * @param predictor the network; used by one thread at a time, not closed here
     * @param patches   the patch geometry
     * @param batchSize patches per network call, at least 1
     */
    public PatchBatches(ModelSpec spec, Predictor predictor, PatchExtractor patches, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.spec = spec;
        this.predictor = predictor;
        this.patches = patches;
        this.batchSize = batchSize;
    }

    /**
     * Runs the network on the patch of each circle; the result has one entry per circle, in the same order.
     *
     * @param verb progress wording, e.g. "classify"
     * @throws IOException                                  if the slide cannot be read
     * @throws ModelException                               if the network fails or its output does not fit
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public <R> List<R> run(Slide slide, List<Circle> circles, String verb, BatchReader<R> reader,
                           ProgressListener progress, CancellationToken cancel) throws IOException, ModelException {
        List<R> results = new ArrayList<>(circles.size());
        try (Prefetcher<Circle> prefetcher = new Prefetcher<>(circles, c -> readInput(slide, c), 2 * batchSize,
                cancel, "glo-in-one patch reader")) {
            for (List<Prefetcher.Prepared<Circle>> next = prefetcher.nextBatch(batchSize); !next.isEmpty();
                 next = prefetcher.nextBatch(batchSize)) {
                cancel.throwIfCancelled();
                results.addAll(reader.read(next.stream().map(Prefetcher.Prepared::item).toList(), predict(next)));
                progress.progress((double) results.size() / circles.size(),
                        verb + ": glomerulus " + results.size() + "/" + circles.size());
            }
        }
        return List.copyOf(results);
    }

    private Map<String, FloatTensor> predict(List<Prefetcher.Prepared<Circle>> batch) throws ModelException {
        int size = patches.patchSize();
        int patchFloats = size * size * 3;
        int n = batch.size();
        float[] input = new float[n * patchFloats];
        for (int i = 0; i < n; i++) {
            System.arraycopy(batch.get(i).input(), 0, input, i * patchFloats, patchFloats);
        }
        return predictor.predict(new FloatTensor(new long[] {n, size, size, 3}, input));
    }

    private float[] readInput(Slide slide, Circle circle) throws IOException {
        int size = patches.patchSize();
        float[] input = new float[size * size * 3];
        spec.preprocessing().apply(patches.extract(slide, circle), input, 0);
        return input;
    }
}
