package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.junit.jupiter.api.Test;

/** The geometry of hard-negative mining on hand-made detections: what counts as a false positive, and repeats. */
class DetectorFalsePositivesTest {
    /** A 64 px tile with one glomerulus of radius 10 at (20, 20). */
    private static KidneyTile tile(int id) {
        return new KidneyTile(id, FloatImage.zeros(64, 64, 3), FloatImage.zeros(64, 64, 1),
                List.of(new Circle(20, 20, 10)));
    }

    @Test
    void hitsOnTheGlassOrOnAGlomerulusAreNotFalsePositivesAndTheRestMapBackToTheTile() {
        KidneyTile t = tile(1);
        // a rendering at half the tile's resolution (2 tile px per rendered px), 32 x 32 at the top left of the input
        List<Detection> hits = List.of(
                new Detection(new Circle(10, 10, 5), 0.9),   // the glomerulus: (20, 20) r 10 in the tile, IoU 1
                new Detection(new Circle(25, 8, 4), 0.8),    // tissue: (50, 16) r 8, clear of the glomerulus
                new Detection(new Circle(40, 10, 5), 0.7),   // centre on the glass right of the rendering
                new Detection(new Circle(12, 10, 5), 0.6),   // (24, 20) r 10: IoU with the glomerulus 0.60
                // (20, 20) r 30: IoU (10/30)^2 = 0.11, but it frames the glomerulus (centre inside)
                new Detection(new Circle(10, 10, 15), 0.5),
                // (40, 20) r 12: IoU 0.016, centres 20 apart, outside both circles (10 and 12): a false positive
                new Detection(new Circle(20, 10, 6), 0.4),
                // (26, 20) r 4: inside the glomerulus, IoU 16/100 = 0.16, but its centre lies in it
                new Detection(new Circle(13, 10, 2), 0.3));
        List<DetectorFalsePositives.FalsePositive> fps = DetectorFalsePositives.falsePositives(t, hits, 2, 32, 32, 0.2);
        assertEquals(List.of(new Circle(50, 16, 8), new Circle(40, 20, 12)),
                fps.stream().map(DetectorFalsePositives.FalsePositive::circle).toList());
        assertEquals(1, fps.get(0).tileId());
    }

    @Test
    void aPlaceSeenAgainAtAnotherScaleCountsOnceOnItsOwnTile() {
        KidneyTile a = tile(1);
        KidneyTile b = tile(2);
        List<DetectorFalsePositives.FalsePositive> found = List.of(
                new DetectorFalsePositives.FalsePositive(a.id(), new Circle(50, 50, 10)),
                // same place, radius 11: IoU (10/11)^2 = 0.83 > 0.5, a repeat
                new DetectorFalsePositives.FalsePositive(a.id(), new Circle(50, 50, 11)),
                // radius 15 around the same centre: IoU (10/15)^2 = 0.44, another patch
                new DetectorFalsePositives.FalsePositive(a.id(), new Circle(50, 50, 15)),
                // the same circle on another tile is another place
                new DetectorFalsePositives.FalsePositive(b.id(), new Circle(50, 50, 10)));
        List<DetectorFalsePositives.FalsePositive> kept = DetectorFalsePositives.distinct(found, 0.5);
        assertEquals(List.of(found.get(0), found.get(2), found.get(3)), kept);
    }

    @Test
    void minedCirclesHaveTheRadiiOfTheDetectorsPackage() throws Exception {
        // one logit peak of 5 at cell (8, 8) of a 64 px image (stride 4): centre (34, 34), radius 10 cells = 40 px,
        // 80 um at 2 um/px (inside the default size prior of 30-150 um)
        int cells = 16;
        float[] heat = new float[cells * cells];
        java.util.Arrays.fill(heat, -10f);
        heat[8 * cells + 8] = 5f;
        float[] offset = new float[cells * cells * 2];
        java.util.Arrays.fill(offset, 0.5f);
        float[] radius = new float[cells * cells];
        java.util.Arrays.fill(radius, 10f);
        var heads = java.util.Map.of(DetectorTask.HEATMAP, heat, DetectorTask.OFFSET, offset, DetectorTask.RADIUS,
                radius);
        List<Detection> plain = TrainingHeadsDecoder.decode(heads, 64, 64, 0.5, 0.35, 2.0);
        List<Detection> scaled = TrainingHeadsDecoder.decode(heads, 64, 64, 0.5, 0.35, 2.0, 0.82);
        assertEquals(1, plain.size());
        assertEquals(new Circle(34, 34, 40), plain.get(0).circle());
        assertEquals(new Circle(34, 34, 40 * 0.82), scaled.get(0).circle());
        TrainedDetector bundled = TrainedDetector.open(java.nio.file.Path.of("models/detector"));
        assertEquals(2.0, bundled.micronsPerPixel());
        assertEquals(0.82, bundled.radiusScale(), "the bundled package's detect.radius_scale");
    }

    @Test
    void miningNeedsAScaleAndAView() {
        assertThrows(IllegalArgumentException.class,
                () -> new DetectorFalsePositives.Looks(new double[0], 1, Augmenter.none(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new DetectorFalsePositives.Looks(new double[] {1}, 0, Augmenter.none(), 0));
        assertEquals(27, DefaultModels.MINING_LOOKS.scales().length * DefaultModels.MINING_LOOKS.views());
    }
}
