package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.classify.Classification;
import org.gloinone.classify.Classifier;
import org.gloinone.detect.Detection;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;

/**
 * The pipeline's classifier on patches cut around each detection of a tile, so that the count and the percent
 * sclerosed that the detection evaluation reports are those a run reports (the non-glomerular class drops a
 * detection, as in a run).
 */
public final class PipelineDetectionClassifier implements DetectionClassifier {
    private final Classifier classifier;
    private final Set<String> sclerosedClasses;
    private final String nonGlomerular;

    /**
     * Uses a classifier model.
     *
     * @param batchSize patches per network call
     * @throws IllegalArgumentException if the model is not a classifier
     */
    public PipelineDetectionClassifier(ModelSpec spec, Predictor predictor, int batchSize) {
        this.classifier = new Classifier(spec, predictor, batchSize);
        this.sclerosedClasses = Set.copyOf(spec.classify().sclerosedClasses());
        this.nonGlomerular = spec.classify().nonGlomerularClass();
    }

    @Override
    public List<Answer> classify(RgbImage tile, double micronsPerPixel, List<Detection> detections)
            throws IOException, ModelException {
        ImageSlide slide = new ImageSlide(Path.of("tile"), tile, OptionalDouble.of(micronsPerPixel));
        List<Classification> c = classifier.classify(slide, detections.stream().map(Detection::circle).toList(),
                ProgressListener.SILENT, new CancellationToken());
        return c.stream().map(k -> new Answer(verdict(k), nonGlomerular == null ? 0 : k.probabilityOf(nonGlomerular)))
                .toList();
    }

    private Verdict verdict(Classification c) {
        if (!classifier.isGlomerulus(c)) {
            return Verdict.REJECTED;
        }
        return sclerosedClasses.contains(c.className()) ? Verdict.SCLEROSED : Verdict.NOT_SCLEROSED;
    }
}
