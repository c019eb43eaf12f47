package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.segment.Outline;
import org.gloinone.segment.Segmentation;
import org.gloinone.segment.Segmenter;

/**
 * Segments a detection with the pipeline's segmenter (padded patch, threshold, the component at the centre,
 * outline) and fills the outline back into a tile mask, so the score measures the outline users get.
 */
public final class PipelineGlomerulusSegmenter implements GlomerulusSegmenter {
    private final Segmenter segmenter;

    /**
     * Uses a segmenter model.
     *
     * @throws IllegalArgumentException if the model is not a segmenter
     */
    public PipelineGlomerulusSegmenter(ModelSpec spec, Predictor predictor) {
        this.segmenter = new Segmenter(spec, predictor, 1);
    }

    @Override
    public BinaryMask segment(RgbImage tile, double micronsPerPixel, Circle circle) throws IOException, ModelException {
        ImageSlide slide = new ImageSlide(Path.of("tile"), tile, OptionalDouble.of(micronsPerPixel));
        Segmentation s = segmenter.segment(slide, List.of(circle), ProgressListener.SILENT, new CancellationToken())
                .get(0);
        return s.outline().map(o -> fill(o, tile.width(), tile.height()))
                .orElseGet(() -> new BinaryMask(tile.width(), tile.height(), new boolean[tile.width() * tile.height()]));
    }

    /** The pixels whose centre lies inside the outline (even-odd rule). */
    static BinaryMask fill(Outline outline, int width, int height) {
        double[] xs = outline.xs();
        double[] ys = outline.ys();
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        boolean[] p = new boolean[width * height];
        int top = Math.max(0, (int) Math.floor(minY));
        int bottom = Math.min(height - 1, (int) Math.ceil(maxY));
        double[] crossings = new double[xs.length];
        for (int row = top; row <= bottom; row++) {
            double cy = row + 0.5;
            int n = 0;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                // Half-open rule on y so a vertex on the scan line is counted once.
                if ((ys[i] > cy) != (ys[j] > cy)) {
                    crossings[n++] = xs[j] + (cy - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]);
                }
            }
            java.util.Arrays.sort(crossings, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                // Pixel x is inside when its centre x + 0.5 lies in [crossing k, crossing k+1).
                int from = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int to = Math.min(width - 1, (int) Math.ceil(crossings[k + 1] - 0.5) - 1);
                for (int x = from; x <= to; x++) {
                    p[row * width + x] = true;
                }
            }
        }
        return new BinaryMask(width, height, p);
    }
}
