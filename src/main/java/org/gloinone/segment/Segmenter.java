package org.gloinone.segment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.gloinone.patch.PatchBatches;
import org.gloinone.patch.PatchExtractor;
import org.gloinone.patch.PatchGeometry;
import org.gloinone.detect.Circle;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.slide.Slide;

/**
 * Outlines glomeruli: for each circle, the network's mask of the padded patch is thresholded (the
 * spec's threshold), the component holding the circle centre (or the nearest one) is kept, and its
 * boundary becomes a polygon in level-0 pixels, simplified to within one patch pixel, then measured.
 */
public final class Segmenter {
    private final ModelSpec spec;
    private final SegmentConfig config;
    private final PatchExtractor patches;
    private final PatchBatches batches;

    /**
     * @param spec      the segmenter's spec (task segment)
     * @param predictor the network; used by one thread at a time, not closed here
     * @param batchSize patches per network call, at least 1
     */
    public Segmenter(ModelSpec spec, Predictor predictor, int batchSize) {
        if (spec.task() != Task.SEGMENT) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a segmenter");
        }
        this.spec = spec;
        this.config = spec.segment();
        this.patches = new PatchExtractor(config.paddingMicrons(), config.patchSize(), spec.micronsPerPixel());
        this.batches = new PatchBatches(spec, predictor, patches, batchSize);
    }

    /**
     * Segments each circle; one result per circle, in the same order.
     *
     * @throws IOException                                  if the slide cannot be read
     * @throws ModelException                               if the network fails or its output does not fit the spec
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public List<Segmentation> segment(Slide slide, List<Circle> circles, ProgressListener progress,
                                      CancellationToken cancel) throws IOException, ModelException {
        OptionalDouble mpp = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent()
                ? OptionalDouble.of(slide.requireMicronsPerPixel()) : OptionalDouble.empty();
        return batches.run(slide, circles, "segment", (batch, out) -> segmentBatch(slide, batch, out, mpp),
                progress, cancel);
    }

    private List<Segmentation> segmentBatch(Slide slide, List<Circle> batch, Map<String, FloatTensor> out,
                                            OptionalDouble mpp) throws ModelException {
        int n = batch.size();
        FloatTensor mask = out.get(config.maskOutput());
        if (mask == null) {
            throw new ModelException("segmenter '" + spec.name() + "' has no output '" + config.maskOutput()
                    + "' (it has " + out.keySet() + ")");
        }
        if (mask.rank() != 4 || mask.dim(0) != n || mask.dim(3) != 1) {
            throw new ModelException("segmenter output '" + config.maskOutput() + "' must be [" + n
                    + ", H, W, 1], got " + Arrays.toString(mask.shape()));
        }
        List<Segmentation> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Circle circle = batch.get(i);
            results.add(outline(mask, i, circle, patches.geometry(slide, circle), mpp));
        }
        return results;
    }

    private Segmentation outline(FloatTensor mask, int index, Circle circle, PatchGeometry patch, OptionalDouble mpp) {
        int h = mask.dim(1);
        int w = mask.dim(2);
        boolean[] foreground = new boolean[w * h];
        float[] data = mask.data();
        int base = index * w * h;
        for (int i = 0; i < foreground.length; i++) {
            foreground[i] = data[base + i] > config.maskThreshold();
        }
        double sx = patch.size0() / w; // level-0 px per mask px
        double sy = patch.size0() / h;
        boolean[] component = CentreComponent.select(foreground, w, h,
                (circle.centerX() - patch.x0()) / sx, (circle.centerY() - patch.y0()) / sy);
        if (component == null) {
            return new Segmentation(Optional.empty(), Optional.empty());
        }
        double[][] traced = MaskOutline.trace(component, w, h);
        // One patch pixel, expressed in mask pixels (the mask may be smaller than the patch).
        double tolerance = (double) w / config.patchSize();
        double[][] simple = MaskOutline.simplify(traced[0], traced[1], tolerance);
        double[] xs = new double[simple[0].length];
        double[] ys = new double[simple[1].length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = patch.x0() + simple[0][i] * sx;
            ys[i] = patch.y0() + simple[1][i] * sy;
        }
        Outline outline = new Outline(xs, ys);
        Optional<Morphometry> morphometry = mpp.isPresent()
                ? Optional.of(Morphometry.of(outline, mpp.getAsDouble())) : Optional.empty();
        return new Segmentation(Optional.of(outline), morphometry);
    }
}
