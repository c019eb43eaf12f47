package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;

/**
 * Segments around a circle with a segmenter model: the circle's bounding square plus the model's padding
 * (in micrometres) is resampled to the model's patch size, predicted, resampled back and thresholded.
 */
public final class PatchSegmenter implements GlomerulusSegmenter {
    private final PatchNetwork network;
    private final SegmentConfig config;

    /**
     * Uses a segmenter model.
     *
     * @throws IllegalArgumentException if the model is not a segmenter
     */
    public PatchSegmenter(ModelSpec spec, Predictor predictor) {
        if (spec.task() != Task.SEGMENT) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a segmenter");
        }
        this.network = new PatchNetwork(spec, predictor);
        this.config = spec.segment();
    }

    @Override
    public BinaryMask segment(RgbImage tile, double micronsPerPixel, Circle circle) throws IOException, ModelException {
        double half = circle.radius() + config.paddingMicrons() / micronsPerPixel;
        double x0 = circle.centerX() - half;
        double y0 = circle.centerY() - half;
        double size = 2 * half;
        int s = config.patchSize();
        ImageSlide slide = new ImageSlide(Path.of("tile"), tile, OptionalDouble.of(micronsPerPixel));
        int[] argb = slide.readScaled(x0, y0, size, size, s, s).update(null).getCurrentStorageArray();
        FloatTensor out = network.predict(List.of(new RgbImage(s, s, argb)), config.maskOutput());
        ProbabilityMap map = CropSegmentationEvaluator.maskOf(out, 0, s, network.spec());
        boolean[] p = new boolean[tile.width() * tile.height()];
        int left = Math.max(0, (int) Math.floor(x0));
        int top = Math.max(0, (int) Math.floor(y0));
        int right = Math.min(tile.width(), (int) Math.ceil(x0 + size));
        int bottom = Math.min(tile.height(), (int) Math.ceil(y0 + size));
        double scale = s / size;
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                double u = (x + 0.5 - x0) * scale;
                double v = (y + 0.5 - y0) * scale;
                if (u >= 0 && v >= 0 && u < s && v < s) {
                    p[y * tile.width() + x] = map.sample(u, v) > config.maskThreshold();
                }
            }
        }
        return new BinaryMask(tile.width(), tile.height(), p);
    }
}
