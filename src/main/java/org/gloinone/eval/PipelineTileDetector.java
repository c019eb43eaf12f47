package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.detect.Detection;
import org.gloinone.detect.DetectionSettings;
import org.gloinone.detect.Detector;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;

/**
 * Runs the pipeline's detector over a labelled tile as if the tile were a slide: the same tile plan at the
 * model's pixel size, CircleNet decoding and circle NMS as a real run, so the score measures what users get.
 * The tissue mask is off (evaluation tiles are chosen on tissue) and the score floor is low, so that AP sees
 * the ranking.
 */
public final class PipelineTileDetector implements TileDetector {
    private final Detector detector;
    private final DetectionSettings settings;

    /**
     * Uses a detector model.
     *
     * @param scoreFloor lowest score returned, in [0, 1]
     * @param batchSize  tiles per network call
     * @throws IllegalArgumentException if the model is not a detector or a value is out of range
     */
    public PipelineTileDetector(ModelSpec spec, Predictor predictor, double scoreFloor, int batchSize) {
        this.detector = new Detector(spec, predictor);
        this.settings = new DetectionSettings(scoreFloor, spec.detect().nmsIou(), false, 0, batchSize);
    }

    @Override
    public List<Detection> detect(RgbImage tile, double micronsPerPixel) throws IOException, ModelException {
        ImageSlide slide = new ImageSlide(Path.of("tile"), tile, OptionalDouble.of(micronsPerPixel));
        return detector.detect(slide, settings, ProgressListener.SILENT, new CancellationToken()).detections();
    }
}
