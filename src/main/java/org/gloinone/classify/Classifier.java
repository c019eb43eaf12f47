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
 * Classifies glomeruli from patches around their circles, in batches; {@link ClassDecision} turns each patch's
 * probabilities into a class, at the slide's pixel size. Whether a class means "not a glomerulus" is the spec's
 * {@link ClassifyConfig#nonGlomerularClass()}; see {@link #isGlomerulus(Classification)}.
 */
public final class Classifier {
    private final ModelSpec spec;
    private final ClassifyConfig config;
    private final PatchExtractor patches;
    private final PatchBatches batches;
    private final ClassDecision decision;

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
        this.decision = new ClassDecision(config);
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
        double slideMicronsPerPixel = Math.max(slide.micronsPerPixelX().orElse(Double.NaN),
                slide.micronsPerPixelY().orElse(Double.NaN));
        return batches.run(slide, circles, "classify",
                (batch, out) -> classifyBatch(batch, out, slideMicronsPerPixel), progress, cancel);
    }

    private List<Classification> classifyBatch(List<Circle> batch, Map<String, FloatTensor> out,
                                               double slideMicronsPerPixel) throws ModelException {
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
            List<Double> p = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                p.add((double) probabilities.data()[i * classes + c]);
            }
            List<String> names = config.classNames();
            results.add(new Classification(names.get(decision.decide(p, slideMicronsPerPixel)), names, p));
        }
        return results;
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
