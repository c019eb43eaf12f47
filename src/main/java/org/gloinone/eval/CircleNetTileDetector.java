package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;

/**
 * Runs a CircleNet detector over one whole tile in a single network call and decodes its heads.
 * <p>
 * The tile is resampled to the model's pixel size and padded (black) to a multiple of the output stride. A
 * heatmap cell is a peak when its score is at least the floor and no smaller than any of its 8 neighbours (the
 * 3x3 max-pool test of CenterNet); the {@code top_k} highest peaks are kept. A peak at cell (i, j) with offset
 * (dx, dy) is a centre at ((i + dx) * stride, (j + dy) * stride) input pixels; the radius head is in input pixels
 * or in cells as the spec says. Overlapping circles are then suppressed greedily by score above the model's
 * circle-NMS IoU.
 */
public final class CircleNetTileDetector implements TileDetector {
    private final ModelSpec spec;
    private final DetectConfig config;
    private final PatchNetwork network;
    private final double scoreFloor;

    /**
     * Uses a detector model.
     *
     * @param scoreFloor lowest score returned (low, so that AP sees the ranking), in [0, 1]
     * @throws IllegalArgumentException if the model is not a detector or the floor is out of range
     */
    public CircleNetTileDetector(ModelSpec spec, Predictor predictor, double scoreFloor) {
        if (spec.task() != Task.DETECT) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a detector");
        }
        if (!(scoreFloor >= 0 && scoreFloor <= 1)) {
            throw new IllegalArgumentException("score floor must be in [0, 1], got " + scoreFloor);
        }
        this.spec = spec;
        this.config = spec.detect();
        this.network = new PatchNetwork(spec, predictor);
        this.scoreFloor = scoreFloor;
    }

    @Override
    public List<Detection> detect(RgbImage tile, double micronsPerPixel) throws IOException, ModelException {
        double scale = micronsPerPixel / spec.micronsPerPixel(); // model pixels per tile pixel
        int stride = config.outputStride();
        int cellsX = Math.max(1, (int) Math.ceil(tile.width() * scale / stride));
        int cellsY = Math.max(1, (int) Math.ceil(tile.height() * scale / stride));
        int w = cellsX * stride;
        int h = cellsY * stride;
        ImageSlide slide = new ImageSlide(Path.of("tile"), tile, OptionalDouble.of(micronsPerPixel));
        int[] argb = slide.readScaled(0, 0, w / scale, h / scale, w, h).update(null).getCurrentStorageArray();
        Map<String, FloatTensor> out = network.predictAll(List.of(new RgbImage(w, h, argb)));
        FloatTensor heat = head(out, config.heatmapOutput(), cellsX, cellsY, 1);
        FloatTensor offset = head(out, config.offsetOutput(), cellsX, cellsY, 2);
        FloatTensor radius = head(out, config.radiusOutput(), cellsX, cellsY, 1);

        float[] score = heat.data().clone();
        if (config.heatmapIsLogits()) {
            for (int i = 0; i < score.length; i++) {
                score[i] = (float) (1 / (1 + Math.exp(-score[i])));
            }
        }
        List<Detection> peaks = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        for (int j = 0; j < cellsY; j++) {
            for (int i = 0; i < cellsX; i++) {
                float s = score[j * cellsX + i];
                if (s >= scoreFloor && isPeak(score, cellsX, cellsY, i, j)) {
                    cells.add(j * cellsX + i);
                }
            }
        }
        cells.sort(Comparator.comparingDouble((Integer c) -> -score[c]));
        for (int c : cells.subList(0, Math.min(cells.size(), config.topK()))) {
            int i = c % cellsX;
            int j = c / cellsX;
            double r = radius.data()[c] * (config.radiusInInputPixels() ? 1 : stride) / scale;
            if (!(r > 0) || Double.isInfinite(r)) {
                continue;
            }
            double x = (i + offset.data()[2 * c]) * stride / scale;
            double y = (j + offset.data()[2 * c + 1]) * stride / scale;
            double s = Math.max(0, Math.min(1, score[c]));
            peaks.add(new Detection(new Circle(x, y, r), s));
        }
        return suppress(peaks, config.nmsIou());
    }

    private static boolean isPeak(float[] score, int w, int h, int i, int j) {
        float s = score[j * w + i];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int x = i + dx;
                int y = j + dy;
                if ((dx != 0 || dy != 0) && x >= 0 && y >= 0 && x < w && y < h && score[y * w + x] > s) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Greedy circle NMS: keeps a circle unless it overlaps a higher-scored kept one above {@code iou}. */
    static List<Detection> suppress(List<Detection> detections, double iou) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble((Detection d) -> -d.score()));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean overlaps = false;
            for (Detection k : kept) {
                if (CircleOverlap.iou(d.circle(), k.circle()) > iou) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(d);
            }
        }
        return kept;
    }

    private FloatTensor head(Map<String, FloatTensor> out, String name, int cellsX, int cellsY, int channels)
            throws ModelException {
        FloatTensor t = out.get(name);
        if (t == null) {
            throw new ModelException("model '" + spec.name() + "' gave no output '" + name + "' (it gave "
                    + out.keySet() + ")");
        }
        if (t.rank() != 4 || t.dim(0) != 1 || t.dim(1) != cellsY || t.dim(2) != cellsX || t.dim(3) != channels) {
            throw new ModelException("model '" + spec.name() + "' output '" + name + "' has shape "
                    + Arrays.toString(t.shape()) + ", expected [1, " + cellsY + ", " + cellsX + ", " + channels
                    + "] (stride " + config.outputStride() + ")");
        }
        return t;
    }
}
