package org.gloinone.classify;

import org.gloinone.patch.PatchBatches;
import org.gloinone.patch.PatchExtractor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.slide.Slide;

/**
 * Classifies glomeruli from patches around their circles, in batches. The most probable class wins
 * (the first in model order on an exact tie), unless the spec sets a rejection threshold
 * ({@link ClassifyConfig#rejectThreshold()}): then the non-glomerular class wins exactly when its probability
 * reaches the threshold, and otherwise the most probable of the other classes. Whether a class means "not a
 * glomerulus" is the spec's {@link ClassifyConfig#nonGlomerularClass()}; see {@link #isGlomerulus(Classification)}.
 */
public final class Classifier {
    private final ModelSpec spec;
    private final ClassifyConfig config;
    private final PatchExtractor patches;
    private final PatchBatches batches;

    /**
     * @param spec      the classifier's spec (task classify)
     * @param predictor the network; used by one thread at a time, not closed here
     * @param batchSize patches per network call, at least 1
     */
    public Classifier(ModelSpec spec, Predictor predictor, int batchSize) {
        if (spec.task() != Task.CLASSIFY) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a classifier");
        }
        this.spec = spec;
        this.config = spec.classify();
        this.patches = new PatchExtractor(config.paddingMicrons(), config.patchSize(), spec.micronsPerPixel());
        this.batches = new PatchBatches(spec, predictor, patches, batchSize);
    }

    /**
     * Classifies each circle; the result has one entry per circle, in the same order.
     *
     * @throws IOException                                  if the slide cannot be read
     * @throws ModelException                               if the network fails or its output does not fit the spec
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public List<Classification> classify(Slide slide, List<Circle> circles, ProgressListener progress,
                                         CancellationToken cancel) throws IOException, ModelException {
        return batches.run(slide, circles, "classify", this::classifyBatch, progress, cancel);
    }

    private List<Classification> classifyBatch(List<Circle> batch, Map<String, FloatTensor> out)
            throws ModelException {
        int n = batch.size();
        FloatTensor probabilities = out.get(config.probabilitiesOutput());
        int classes = config.classNames().size();
        if (probabilities == null) {
            throw new ModelException("classifier '" + spec.name() + "' has no output '"
                    + config.probabilitiesOutput() + "' (it has " + out.keySet() + ")");
        }
        if (probabilities.rank() != 2 || probabilities.dim(0) != n || probabilities.dim(1) != classes) {
            throw new ModelException("classifier output '" + config.probabilitiesOutput() + "' must be ["
                    + n + ", " + classes + "], got " + Arrays.toString(probabilities.shape()));
        }
        List<Classification> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(toClassification(probabilities.data(), i * classes));
        }
        return results;
    }

    private Classification toClassification(float[] data, int offset) {
        List<String> names = config.classNames();
        List<Double> p = new ArrayList<>(names.size());
        int nonGlomerular = config.hasRejectThreshold() ? names.indexOf(config.nonGlomerularClass()) : -1;
        int best = -1;
        for (int c = 0; c < names.size(); c++) {
            p.add((double) data[offset + c]);
            if (c != nonGlomerular && (best < 0 || data[offset + c] > data[offset + best])) {
                best = c;
            }
        }
        if (nonGlomerular >= 0 && data[offset + nonGlomerular] >= config.rejectThreshold()) {
            best = nonGlomerular;
        }
        return new Classification(names.get(best), names, p);
    }

    /** False when the classification is the spec's non-glomerular class: the false-positive filter. */
    public boolean isGlomerulus(Classification classification) {
        return !classification.className().equals(config.nonGlomerularClass());
    }

    /** The patch geometry this classifier uses. */
    public PatchExtractor patches() {
        return patches;
    }
}
