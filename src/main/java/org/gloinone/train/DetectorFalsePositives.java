package org.gloinone.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleIou;
import org.gloinone.detect.Detection;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/**
 * Runs a trained detector over tiles and keeps its detections that match no annotated glomerulus: the
 * hard negatives of the classifier's "non-glomerular" class (the false-positive filter of Glo-In-One). Each tile
 * can be shown to the detector at several pixel sizes, as slides of other magnifications show it, because the
 * detector's mistakes differ from scale to scale.
 */
public final class DetectorFalsePositives {
    private DetectorFalsePositives() {
    }

    /** A false positive: the tile (at the resolution it was given) and the detected circle on it. */
    public record FalsePositive(KidneyTile tile, Circle circle) {
    }

    /**
     * @param savedModel detector SavedModel folder (input {@code image}, outputs heatmap, offset, radius)
     * @param tiles      tiles at the detector's resolution, sides multiples of 32
     * @param minScore   lowest detection score kept
     * @param maxIou     a detection overlapping an annotated glomerulus by more than this is not a false positive
     */
    public static List<FalsePositive> mine(Path savedModel, List<KidneyTile> tiles, double minScore, double maxIou) {
        return mine(savedModel, tiles, minScore, maxIou, new double[] {1});
    }

    /**
     * As above, with each square tile also shown at other pixel sizes.
     *
     * @param scales pixel sizes relative to the tiles', e.g. 0.6 to 1.4; each renders a square tile to the nearest
     *               multiple of 32 pixels (at least 32); non-square tiles are shown at their own size only
     */
    public static List<FalsePositive> mine(Path savedModel, List<KidneyTile> tiles, double minScore, double maxIou,
                                           double[] scales) {
        List<FalsePositive> out = new ArrayList<>();
        try (SavedModelBundle b = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG)) {
            for (KidneyTile t : tiles) {
                for (double s : scales) {
                    if (s == 1 || t.image().width() == t.image().height()) {
                        mineAtScale(b, savedModel, t, s, minScore, maxIou, out);
                    }
                }
            }
        }
        return out;
    }

    private static void mineAtScale(SavedModelBundle b, Path savedModel, KidneyTile t, double scale, double minScore,
                                    double maxIou, List<FalsePositive> out) {
        FloatImage img = t.image();
        double back = 1;
        if (scale != 1) {
            int side = Math.max(32, (int) Math.round(img.width() / scale / 32) * 32);
            back = img.width() / (double) side;
            img = new Warp(img.width() / 2.0, img.height() / 2.0, back, 0, false).sample(img, side);
        }
        Map<String, float[]> heads = new HashMap<>();
        try (TFloat32 in = Tensors.floats(img.data(), 1, img.height(), img.width(), 3);
             var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
            for (String name : List.of(DetectorTask.HEATMAP, DetectorTask.OFFSET, DetectorTask.RADIUS)) {
                heads.put(name, Tensors.toFloats((TFloat32) r.get(name).orElseThrow(
                        () -> new IllegalArgumentException(savedModel + ": not a detector (no outputs)"))));
            }
        }
        for (Detection d : TrainingHeadsDecoder.decode(heads, img.width(), img.height(), minScore, 0.35)) {
            Circle inTile = new Circle(d.circle().centerX() * back, d.circle().centerY() * back,
                    d.circle().radius() * back);
            boolean matches = t.circles().stream().anyMatch(c -> CircleIou.of(c, inTile) > maxIou);
            if (!matches) {
                out.add(new FalsePositive(t, inTile));
            }
        }
    }
}
