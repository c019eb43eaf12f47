package org.gloinone.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.junit.jupiter.api.Test;

/** Decoding of hand-made CircleNet head tensors with known answers. */
class CircleDecoderTest {
    private static final int H = 8;
    private static final int W = 8;

    private static DetectConfig config(boolean logits, boolean radiusInInputPixels, int topK) {
        return new DetectConfig("heatmap", "offset", "radius", logits, 4, radiusInInputPixels, topK,
                0.3, 0.35, 512, 128);
    }

    /** Heads for a batch of {@code n} 8x8 grids; set values with the methods below. */
    private static final class Heads {
        final int n;
        final float[] heat;
        final float[] offset;
        final float[] radius;

        Heads(int n, float background) {
            this.n = n;
            heat = new float[n * H * W];
            Arrays.fill(heat, background);
            offset = new float[n * H * W * 2];
            radius = new float[n * H * W];
        }

        Heads peak(int b, int x, int y, float score, float dx, float dy, float r) {
            int c = (b * H + y) * W + x;
            heat[c] = score;
            offset[2 * c] = dx;
            offset[2 * c + 1] = dy;
            radius[c] = r;
            return this;
        }

        Map<String, FloatTensor> outputs() {
            return Map.of("heatmap", new FloatTensor(new long[] {n, H, W, 1}, heat),
                    "offset", new FloatTensor(new long[] {n, H, W, 2}, offset),
                    "radius", new FloatTensor(new long[] {n, H, W, 1}, radius));
        }
    }

    @Test
    void peakCentreIsCellPlusOffsetTimesStrideAndRadiusIsScaledByStride() throws ModelException {
        Heads h = new Heads(1, 0f).peak(0, 3, 5, 0.9f, 0.25f, 0.75f, 2.5f);
        List<CircleDecoder.Peak> peaks = new CircleDecoder(config(false, false, 10), 0.3, 1).peaks(h.outputs(), 0);
        assertEquals(1, peaks.size());
        CircleDecoder.Peak p = peaks.get(0);
        assertEquals(3, p.cellX());
        assertEquals(5, p.cellY());
        assertEquals((3 + 0.25) * 4, p.x(), 1e-6);
        assertEquals((5 + 0.75) * 4, p.y(), 1e-6);
        assertEquals(2.5 * 4, p.radius(), 1e-6);
        assertEquals(0.9, p.score(), 1e-6);
    }

    @Test
    void radiusInInputPixelsIsNotScaled() throws ModelException {
        Heads h = new Heads(1, 0f).peak(0, 2, 2, 0.8f, 0, 0, 13f);
        assertEquals(13, new CircleDecoder(config(false, true, 10), 0.3, 1).peaks(h.outputs(), 0).get(0).radius(), 1e-6);
    }

    @Test
    void logitsGoThroughASigmoid() throws ModelException {
        // logit 2 -> 0.8808; background logit -5 -> 0.0067 stays below the threshold.
        Heads h = new Heads(1, -5f).peak(0, 4, 4, 2f, 0, 0, 1f);
        List<CircleDecoder.Peak> peaks = new CircleDecoder(config(true, false, 10), 0.3, 1).peaks(h.outputs(), 0);
        assertEquals(1, peaks.size());
        assertEquals(1 / (1 + Math.exp(-2)), peaks.get(0).score(), 1e-6);
    }

    @Test
    void onlyThreeByThreeMaximaSurviveAndTopKKeepsTheBest() throws ModelException {
        Heads h = new Heads(1, 0f)
                .peak(0, 1, 1, 0.9f, 0, 0, 1f)
                .peak(0, 2, 1, 0.8f, 0, 0, 1f)   // neighbour of a higher peak: suppressed
                .peak(0, 6, 1, 0.7f, 0, 0, 1f)
                .peak(0, 1, 6, 0.6f, 0, 0, 1f)
                .peak(0, 6, 6, 0.5f, 0, 0, 1f)
                .peak(0, 4, 4, 0.2f, 0, 0, 1f);  // below the score threshold
        List<CircleDecoder.Peak> all = new CircleDecoder(config(false, false, 10), 0.3, 1).peaks(h.outputs(), 0);
        assertEquals(List.of(0.9, 0.7, 0.6, 0.5), all.stream().map(p -> (double) Math.round(p.score() * 10) / 10).toList());
        List<CircleDecoder.Peak> top2 = new CircleDecoder(config(false, false, 2), 0.3, 1).peaks(h.outputs(), 0);
        assertEquals(2, top2.size());
        assertEquals(6, top2.get(1).cellX());
        assertEquals(1, top2.get(1).cellY());
    }

    @Test
    void equalNeighboursAreBothPeaksAndTiesKeepRowMajorOrder() throws ModelException {
        Heads h = new Heads(1, 0f).peak(0, 5, 2, 0.7f, 0, 0, 1f).peak(0, 4, 2, 0.7f, 0, 0, 1f);
        List<CircleDecoder.Peak> peaks = new CircleDecoder(config(false, false, 1), 0.3, 1).peaks(h.outputs(), 0);
        assertEquals(1, peaks.size());
        assertEquals(4, peaks.get(0).cellX());
    }

    @Test
    void sizePriorDropsRadiiOutsideItsMicronRangeBeforeTopK() throws ModelException {
        // Radii 1, 2 and 4 output cells = 4, 8 and 16 input px; at 2 um per input px: 8, 16 and 32 um.
        Heads h = new Heads(1, 0f).peak(0, 1, 1, 0.9f, 0, 0, 1f).peak(0, 4, 1, 0.8f, 0, 0, 2f)
                .peak(0, 1, 5, 0.7f, 0, 0, 4f);
        DetectConfig prior = new DetectConfig("heatmap", "offset", "radius", false, 4, false, 1,
                0.3, 0.35, 512, 128, 16, 30);
        // 8 um is below 16 um and 32 um above 30 um: only the 16 um circle is left (bounds included), and
        // the dropped best peak does not use up the single top-K place
        List<CircleDecoder.Peak> kept = new CircleDecoder(prior, 0.3, 2).peaks(h.outputs(), 0);
        assertEquals(1, kept.size());
        assertEquals(4, kept.get(0).cellX());
        assertEquals(8, kept.get(0).radius(), 1e-9);
        // the same heads read as 1 um per input px: 4, 8 and 16 um, so only the 16 um circle passes
        List<CircleDecoder.Peak> fine = new CircleDecoder(prior, 0.3, 1).peaks(h.outputs(), 0);
        assertEquals(1, fine.size());
        assertEquals(5, fine.get(0).cellY());
        // without a prior all three are peaks
        assertEquals(3, new CircleDecoder(config(false, false, 10), 0.3, 2).peaks(h.outputs(), 0).size());
        assertThrows(IllegalArgumentException.class, () -> new CircleDecoder(prior, 0.3, 0));
    }

    @Test
    void theRadiusScaleMakesTheCircleAndTheSizePriorJudgesTheScaledRadius() throws ModelException {
        // Radii 2 and 4 output cells = 8 and 16 input px = 16 and 32 um at 2 um per input px; scaled by 0.8:
        // 12.8 and 25.6 um. A prior of 16-30 um keeps the second circle only, which as the head gave it (32 um)
        // it would drop.
        Heads h = new Heads(1, 0f).peak(0, 1, 1, 0.9f, 0.5f, 0.5f, 2f).peak(0, 6, 6, 0.8f, 0, 0, 4f);
        DetectConfig prior = new DetectConfig("heatmap", "offset", "radius", false, 4, false, 10,
                0.3, 0.35, 512, 128, 16, 30, java.util.Optional.empty(), 1, 0.8);
        List<CircleDecoder.Peak> kept = new CircleDecoder(prior, 0.3, 2).peaks(h.outputs(), 0);
        assertEquals(1, kept.size());
        assertEquals(6, kept.get(0).cellX());
        assertEquals(12.8, kept.get(0).radius(), 1e-6, "16 input px times 0.8");
        assertEquals(24, kept.get(0).x(), 1e-6, "the centre does not move");
        List<CircleDecoder.Peak> unscaled = new CircleDecoder(prior.withRadiusScale(1), 0.3, 2).peaks(h.outputs(), 0);
        assertEquals(1, unscaled.size(), "unscaled: 16 um sits on the prior's floor (kept), 32 um above its ceiling");
        assertEquals(1, unscaled.get(0).cellX());
        assertThrows(IllegalArgumentException.class, () -> prior.withRadiusScale(0));
    }

    @Test
    void eachImageOfABatchIsDecodedOnItsOwn() throws ModelException {
        Heads h = new Heads(2, 0f).peak(0, 1, 1, 0.9f, 0, 0, 1f).peak(1, 6, 7, 0.8f, 0.5f, 0.5f, 2f);
        CircleDecoder decoder = new CircleDecoder(config(false, false, 10), 0.3, 1);
        assertEquals(1, decoder.peaks(h.outputs(), 0).size());
        CircleDecoder.Peak p = decoder.peaks(h.outputs(), 1).get(0);
        assertEquals(26, p.x(), 1e-6);
        assertEquals(30, p.y(), 1e-6);
    }

    @Test
    void decodeMapsToLevelZeroThroughTheTileScale() throws ModelException {
        Heads h = new Heads(1, 0f).peak(0, 4, 4, 0.9f, 0.5f, 0.5f, 2f);
        // A 32-px tile read from 80 level-0 px at (1000, 2000): 2.5 level-0 px per input px.
        Tile tile = new Tile(0, 0, 0, 1000, 2000, 80, 32);
        List<Detection> found = new CircleDecoder(config(false, false, 10), 0.3, 1)
                .decode(h.outputs(), 0, tile, TileBorders.NONE);
        Circle c = found.get(0).circle();
        assertEquals(1000 + 18 * 2.5, c.centerX(), 1e-6);
        assertEquals(2000 + 18 * 2.5, c.centerY(), 1e-6);
        assertEquals(8 * 2.5, c.radius(), 1e-6);
    }

    @Test
    void borderFilterDropsCirclesTouchingABorderOnlyWhereANeighbourHoldsThemWhole() throws ModelException {
        // Circle at x = 0.5*4 = 2 px with radius 4 px touches the left border of a 32-px tile.
        Heads h = new Heads(1, 0f).peak(0, 0, 4, 0.9f, 0.5f, 0.5f, 1f).peak(0, 4, 4, 0.8f, 0.5f, 0.5f, 1f);
        Tile tile = new Tile(0, 1, 0, 0, 0, 32, 32);
        CircleDecoder decoder = new CircleDecoder(config(false, false, 10), 0.3, 1);
        TileBorders leftNeighbour = new TileBorders(true, false, false, false, 16);
        TileBorders rightNeighbour = new TileBorders(false, false, true, false, 16);
        TileBorders smallOverlap = new TileBorders(true, false, false, false, 4);
        assertEquals(1, decoder.decode(h.outputs(), 0, tile, leftNeighbour).size());
        assertEquals(2, decoder.decode(h.outputs(), 0, tile, rightNeighbour).size());
        assertEquals(2, decoder.decode(h.outputs(), 0, tile, TileBorders.NONE).size());
        // An overlap smaller than the diameter cannot hold the circle whole: keep it.
        assertEquals(2, decoder.decode(h.outputs(), 0, tile, smallOverlap).size());
    }

    @Test
    void bottomAndTopBordersAreFilteredToo() {
        TileBorders all = new TileBorders(true, true, true, true, 100);
        assertEquals(false, all.keeps(50, 99.5 - 10, 10, 100));
        assertEquals(false, all.keeps(50, 10.5, 10, 100));
        assertEquals(true, all.keeps(50, 50, 10, 100));
    }

    @Test
    void missingOrMisshapenOutputsAreReportedByName() {
        Map<String, FloatTensor> noRadius = Map.of(
                "heatmap", new FloatTensor(new long[] {1, 2, 2, 1}, new float[4]),
                "offset", new FloatTensor(new long[] {1, 2, 2, 2}, new float[8]));
        ModelException e = assertThrows(ModelException.class,
                () -> new CircleDecoder(config(false, false, 1), 0.3, 1).peaks(noRadius, 0));
        assertEquals(true, e.getMessage().contains("'radius'"));
    }
}
