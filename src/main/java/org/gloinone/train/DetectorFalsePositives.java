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
 * hard negatives of the classifier's "non-glomerular" class (the false-positive filter of Glo-In-One).
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
        List<FalsePositive> out = new ArrayList<>();
        try (SavedModelBundle b = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG)) {
            for (KidneyTile t : tiles) {
                FloatImage img = t.image();
                Map<String, float[]> heads = new HashMap<>();
                try (TFloat32 in = Tensors.floats(img.data(), 1, img.height(), img.width(), 3);
                     var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
                    for (String name : List.of(DetectorTask.HEATMAP, DetectorTask.OFFSET, DetectorTask.RADIUS)) {
                        heads.put(name, Tensors.toFloats((TFloat32) r.get(name).orElseThrow(
                                () -> new IllegalArgumentException(savedModel + ": not a detector (no outputs)"))));
                    }
                }
                for (Detection d : TrainingHeadsDecoder.decode(heads, img.width(), img.height(), minScore, 0.35)) {
                    boolean matches = t.circles().stream().anyMatch(c -> CircleIou.of(c, d.circle()) > maxIou);
                    if (!matches) {
                        out.add(new FalsePositive(t, d.circle()));
                    }
                }
            }
        }
        return out;
    }
}
