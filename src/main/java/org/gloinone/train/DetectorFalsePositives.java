package org.gloinone.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleIou;
import org.gloinone.detect.Detection;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/**
 * Runs a trained detector over tiles and keeps its detections that match no annotated glomerulus: the
 * hard negatives of the classifier's "non-glomerular" class (the false-positive filter of Glo-In-One). Each tile
 * can be shown to the detector at several pixel sizes, as slides of other magnifications show it, because the
 * detector's mistakes differ from scale to scale, and in several stain and export looks. Each rendering lies on a
 * pipeline tile of white glass, as the pipeline reads a region smaller than one of its tiles, and is decoded by
 * the pipeline's decoder (score threshold and size prior) and circle NMS, so the mined circles are the ones a run
 * would hand to the classifier.
 */
public final class DetectorFalsePositives {
    private DetectorFalsePositives() {
    }

    /** A false positive: the tile's id and the detected circle, in the pixels of the tile as it was given. */
    public record FalsePositive(int tileId, Circle circle) {
        /** The same place in pixels {@code factor} times smaller: on the same tile downsampled less. */
        FalsePositive scaled(double factor) {
            return factor == 1 ? this : new FalsePositive(tileId,
                    new Circle(circle.centerX() * factor, circle.centerY() * factor, circle.radius() * factor));
        }
    }

    /**
     * How a tile is shown to the detector.
     *
     * @param scales    pixel sizes relative to the tiles', e.g. 0.6 to 1.4; each renders a square tile to the
     *                  nearest multiple of 32 pixels (at least 32); non-square tiles are shown at their own size only
     * @param views     renderings per scale: the first plain, the others with {@code augmenter}'s colour jitter
     *                  (stain, low magnification, JPEG, blur, noise)
     * @param augmenter the look of the extra views
     * @param seed      seeds each extra view's jitter, with the tile id, the scale and the view
     */
    public record Looks(double[] scales, int views, Augmenter augmenter, long seed) {
        public Looks {
            scales = scales.clone();
            if (scales.length == 0 || views < 1) {
                throw new IllegalArgumentException("mining needs a scale and a view, got " + scales.length
                        + " scales and " + views + " views");
            }
        }

        /** Each tile once, at its own pixel size, plain. */
        public static Looks plain() {
            return new Looks(new double[] {1}, 1, Augmenter.none(), 0);
        }
    }

    /**
     * @param detector   the detector (SavedModel with input {@code image}, outputs heatmap, offset, radius)
     * @param tiles      tiles at the detector's resolution, sides multiples of 32
     * @param minScore   lowest detection score kept
     * @param maxIou     a detection overlapping an annotated glomerulus by more than this is not a false positive
     */
    public static List<FalsePositive> mine(TrainedDetector detector, List<KidneyTile> tiles, double minScore,
                                           double maxIou) {
        return mine(detector, tiles, minScore, maxIou, Looks.plain());
    }

    /** As above, with each tile shown in each of {@code looks}' renderings. */
    public static List<FalsePositive> mine(TrainedDetector detector, List<KidneyTile> tiles, double minScore,
                                           double maxIou, Looks looks) {
        List<FalsePositive> out = new ArrayList<>();
        try (SavedModelBundle b = SavedModelBundle.load(detector.savedModel().toString(),
                SavedModelBundle.DEFAULT_TAG)) {
            for (KidneyTile t : tiles) {
                for (int s = 0; s < looks.scales().length; s++) {
                    double scale = looks.scales()[s];
                    if (scale != 1 && t.image().width() != t.image().height()) {
                        continue;
                    }
                    for (int v = 0; v < looks.views(); v++) {
                        Random rnd = v == 0 ? null : new Random(looks.seed() + 1_000_003L * t.id() + 1009L * s + v);
                        mineOneLook(b, detector, t, scale, looks.augmenter(), rnd, minScore, maxIou, out);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The false positives with repeats removed: on each tile, a circle overlapping one kept before it by a circle
     * IoU above {@code maxIou} is the same place seen again (at another scale or look) and is left out.
     */
    public static List<FalsePositive> distinct(List<FalsePositive> found, double maxIou) {
        Map<Integer, List<Circle>> kept = new HashMap<>();
        List<FalsePositive> out = new ArrayList<>();
        for (FalsePositive fp : found) {
            List<Circle> onTile = kept.computeIfAbsent(fp.tileId(), k -> new ArrayList<>());
            if (onTile.stream().noneMatch(c -> CircleIou.of(c, fp.circle()) > maxIou)) {
                onTile.add(fp.circle());
                out.add(fp);
            }
        }
        return out;
    }

    private static void mineOneLook(SavedModelBundle b, TrainedDetector detector, KidneyTile t, double scale,
                                    Augmenter augmenter, Random rnd, double minScore, double maxIou,
                                    List<FalsePositive> out) {
        FloatImage img = t.image();
        double back = 1;
        if (scale != 1) {
            int side = Math.max(32, (int) Math.round(img.width() / scale / 32) * 32);
            back = img.width() / (double) side;
            img = new Warp(img.width() / 2.0, img.height() / 2.0, back, 0, false).sample(img, side);
        } else if (rnd != null) {
            img = new FloatImage(img.width(), img.height(), img.channels(), img.data().clone());
        }
        if (rnd != null) {
            augmenter.jitterColour(rnd, img);
        }
        FloatImage input = DetectorTask.asPipelineReadsIt(img,
                DetectorTask.pipelineTilePixels(detector.micronsPerPixel()));
        Map<String, float[]> heads = new HashMap<>();
        try (TFloat32 in = Tensors.floats(input.data(), 1, input.height(), input.width(), 3);
             var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
            for (String name : List.of(DetectorTask.HEATMAP, DetectorTask.OFFSET, DetectorTask.RADIUS)) {
                heads.put(name, Tensors.toFloats((TFloat32) r.get(name).orElseThrow(
                        () -> new IllegalArgumentException(detector.savedModel() + ": not a detector (no outputs)"))));
            }
        }
        List<Detection> hits = TrainingHeadsDecoder.decode(heads, input.width(), input.height(), minScore, 0.35,
                detector.micronsPerPixel(), detector.radiusScale());
        out.addAll(falsePositives(t, hits, back, img.width(), img.height(), maxIou));
    }

    /**
     * True when one circle's centre lies inside the other: a patch cut around {@code hit} then shows the glomerulus
     * at or near its middle (a too large or off-centre circle on it), which is no example of "not a glomerulus".
     */
    private static boolean frames(Circle hit, Circle glomerulus) {
        double d = Math.hypot(hit.centerX() - glomerulus.centerX(), hit.centerY() - glomerulus.centerY());
        return d < Math.max(hit.radius(), glomerulus.radius());
    }

    /**
     * The hits on a rendering of {@code t} ({@code back} tile pixels per rendered pixel, the rendering
     * {@code width x height} at the top left of the detector's input) that are false positives: centre on the
     * rendering, not on the glass around it, circle IoU at most {@code maxIou} with every annotated glomerulus, and
     * neither centre inside the other circle (a circle framing a glomerulus); in the tile's pixels.
     */
    static List<FalsePositive> falsePositives(KidneyTile t, List<Detection> hits, double back, int width, int height,
                                              double maxIou) {
        List<FalsePositive> out = new ArrayList<>();
        for (Detection d : hits) {
            Circle c = d.circle();
            if (c.centerX() < 0 || c.centerY() < 0 || c.centerX() >= width || c.centerY() >= height) {
                continue; // on the glass around the rendering: there is no tissue to cut a patch from
            }
            Circle inTile = new Circle(c.centerX() * back, c.centerY() * back, c.radius() * back);
            if (t.circles().stream().noneMatch(g -> CircleIou.of(g, inTile) > maxIou || frames(inTile, g))) {
                out.add(new FalsePositive(t.id(), inTile));
            }
        }
        return out;
    }
}
