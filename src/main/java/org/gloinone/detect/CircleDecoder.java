package org.gloinone.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;

/**
 * Turns CircleNet's three heads into circles, as CircleNet/CenterNet decode them: a sigmoid on the
 * heatmap when it holds logits, peaks kept by a 3x3 max-pool (a cell equal to the maximum of its
 * neighbourhood), the top K peaks of a tile, centre = (cell + offset) x stride and radius = radius head
 * (x stride when it is in output cells) x the package's {@code radius_scale}, then a score threshold and the model's physical size prior (a radius
 * in micrometres outside {@code min_radius_um}..{@code max_radius_um} is no glomerulus). This is the one place
 * detections are filtered.
 */
public final class CircleDecoder {
    private final DetectConfig config;
    private final double scoreThreshold;
    private final double micronsPerInputPixel;

    /**
     * A circle found in one tile, in the tile's network input pixels.
     *
     * @param cellX  heatmap column of the peak
     * @param cellY  heatmap row of the peak
     * @param x      centre x in input pixels
     * @param y      centre y in input pixels
     * @param radius radius in input pixels
     * @param score  heatmap probability at the peak
     */
    public record Peak(int cellX, int cellY, double x, double y, double radius, double score) {
    }

    /**
     * @param config               the detector's head layout and size prior
     * @param scoreThreshold       peaks scoring below this are dropped
     * @param micronsPerInputPixel the network input's pixel size (the model's), which turns the size prior's
     *                             micrometres into input pixels
     */
    public CircleDecoder(DetectConfig config, double scoreThreshold, double micronsPerInputPixel) {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + scoreThreshold);
        }
        if (!(micronsPerInputPixel > 0 && Double.isFinite(micronsPerInputPixel))) {
            throw new IllegalArgumentException("input pixel size must be positive, got " + micronsPerInputPixel);
        }
        this.config = config;
        this.scoreThreshold = scoreThreshold;
        this.micronsPerInputPixel = micronsPerInputPixel;
    }

    /**
     * Decodes image {@code batchIndex} of a batch into circles in tile input pixels, best first
     * (score descending, then row-major cell order), those outside the size prior left out.
     *
     * @throws ModelException if an output is missing or has the wrong shape
     */
    public List<Peak> peaks(Map<String, FloatTensor> outputs, int batchIndex) throws ModelException {
        FloatTensor heat = require(outputs, config.heatmapOutput(), 1);
        FloatTensor offset = require(outputs, config.offsetOutput(), 2);
        FloatTensor radius = require(outputs, config.radiusOutput(), 1);
        int h = heat.dim(1);
        int w = heat.dim(2);
        if (!sameGrid(heat, offset) || !sameGrid(heat, radius)) {
            throw new ModelException("detector outputs disagree in shape: " + config.heatmapOutput() + " "
                    + Arrays.toString(heat.shape()) + ", " + config.offsetOutput() + " " + Arrays.toString(offset.shape())
                    + ", " + config.radiusOutput() + " " + Arrays.toString(radius.shape()));
        }
        if (batchIndex < 0 || batchIndex >= heat.dim(0)) {
            throw new IllegalArgumentException("batch index " + batchIndex + " outside batch of " + heat.dim(0));
        }
        int cells = h * w;
        float[] scores = new float[cells];
        System.arraycopy(heat.data(), batchIndex * cells, scores, 0, cells);
        if (config.heatmapIsLogits()) {
            for (int i = 0; i < cells; i++) {
                scores[i] = (float) (1 / (1 + Math.exp(-scores[i])));
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = scores[y * w + x];
                if (s >= scoreThreshold && isLocalMaximum(scores, w, h, x, y)) {
                    candidates.add(y * w + x);
                }
            }
        }
        // Stable sort: equal scores stay in row-major order, so top-K is deterministic.
        candidates.sort((a, b) -> Float.compare(scores[b], scores[a]));
        int stride = config.outputStride();
        double radiusScale = (config.radiusInInputPixels() ? 1 : stride) * config.radiusScale();
        List<Peak> peaks = new ArrayList<>();
        for (int c : candidates) {
            if (peaks.size() == config.topK()) {
                break;
            }
            int cx = c % w;
            int cy = c / w;
            float dx = offset.data()[(batchIndex * cells + c) * 2];
            float dy = offset.data()[(batchIndex * cells + c) * 2 + 1];
            double r = radius.data()[batchIndex * cells + c] * radiusScale;
            if (!(r > 0) || !Double.isFinite(r) || !Float.isFinite(dx) || !Float.isFinite(dy)) {
                continue; // a degenerate circle cannot be a glomerulus
            }
            if (!config.keepsRadius(r * micronsPerInputPixel)) {
                continue; // too small (a tubule) or too large for a glomerulus; does not take a top-K place
            }
            peaks.add(new Peak(cx, cy, (cx + dx) * stride, (cy + dy) * stride, r, scores[c]));
        }
        return List.copyOf(peaks);
    }

    /**
     * Decodes image {@code batchIndex} of a batch into detections in level-0 pixels, dropping circles
     * that a neighbouring tile holds whole (CircleNet's border filter).
     *
     * @throws ModelException if an output is missing or has the wrong shape
     */
    public List<Detection> decode(Map<String, FloatTensor> outputs, int batchIndex, Tile tile, TileBorders borders)
            throws ModelException {
        List<Detection> found = new ArrayList<>();
        for (Peak p : peaks(outputs, batchIndex)) {
            if (borders.keeps(p.x(), p.y(), p.radius(), tile.sizePixels())) {
                Circle c = new Circle(tile.x0() + p.x() * tile.scale(), tile.y0() + p.y() * tile.scale(),
                        p.radius() * tile.scale());
                found.add(new Detection(c, Math.min(1.0, Math.max(0.0, p.score()))));
            }
        }
        return found;
    }

    /** True when no cell of the 3x3 neighbourhood scores higher: CenterNet's max-pool equality. */
    private static boolean isLocalMaximum(float[] s, int w, int h, int x, int y) {
        float v = s[y * w + x];
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                if (s[ny * w + nx] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameGrid(FloatTensor a, FloatTensor b) {
        return a.dim(0) == b.dim(0) && a.dim(1) == b.dim(1) && a.dim(2) == b.dim(2);
    }

    private static FloatTensor require(Map<String, FloatTensor> outputs, String name, int channels)
            throws ModelException {
        FloatTensor t = outputs.get(name);
        if (t == null) {
            throw new ModelException("the detector has no output '" + name + "' (it has " + outputs.keySet() + ")");
        }
        if (t.rank() != 4 || t.dim(3) != channels) {
            throw new ModelException("detector output '" + name + "' must be NHWC with " + channels
                    + " channel(s), got " + Arrays.toString(t.shape()));
        }
        return t;
    }
}
