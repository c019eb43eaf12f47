package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ViewAveragingPredictorTest {

    /** Answers, per image, its top-left pixel's first channel and the sum of its first channel; keeps its inputs. */
    private static final class TopLeft implements Predictor {
        final List<FloatTensor> seen = new ArrayList<>();

        @Override
        public Map<String, FloatTensor> predict(FloatTensor input) {
            seen.add(input);
            int n = input.dim(0);
            int per = input.data().length / n;
            int channels = input.dim(3);
            float[] out = new float[2 * n];
            for (int b = 0; b < n; b++) {
                out[2 * b] = input.data()[b * per];
                for (int i = 0; i < per; i += channels) {
                    out[2 * b + 1] += input.data()[b * per + i];
                }
            }
            return Map.of("p", new FloatTensor(new long[] {n, 2}, out));
        }

        @Override
        public void close() {
        }
    }

    /**
     * Two 3 x 3 images of 2 channels; the first channel of image b at (y, x) is 100 b + 10 y + x, the second its
     * negative. Corners of image 0: 0, 2, 20, 22; of image 1: 100, 102, 120, 122.
     */
    private static FloatTensor twoImages() {
        float[] data = new float[2 * 3 * 3 * 2];
        for (int b = 0; b < 2; b++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    int i = ((b * 3 + y) * 3 + x) * 2;
                    data[i] = 100 * b + 10 * y + x;
                    data[i + 1] = -data[i];
                }
            }
        }
        return new FloatTensor(new long[] {2, 3, 3, 2}, data);
    }

    @Test
    void eachViewShowsItsCornerAtTheTopLeftAndTheMeanIsTakenOverViews() throws ModelException {
        // Mirrored left-right, the top-left pixel is the top-right one (2); both mirrors and the half turn
        // bring the four corners there once each; the eight views bring each corner twice. Sums do not move.
        assertArrayEquals(new float[] {1f, 99f, 101f, 999f}, predictTopLeft(2), 1e-4f);
        assertArrayEquals(new float[] {11f, 99f, 111f, 999f}, predictTopLeft(4), 1e-4f);
        assertArrayEquals(new float[] {11f, 99f, 111f, 999f}, predictTopLeft(8), 1e-4f);
    }

    /** Top-left value and channel sum of each image, averaged over the views. */
    private static float[] predictTopLeft(int views) throws ModelException {
        TopLeft net = new TopLeft();
        float[] p = ViewAveragingPredictor.wrap(net, views).predict(twoImages()).get("p").data();
        assertEquals(views, net.seen.size(), "one call per view");
        return p;
    }

    @Test
    void theEightViewsAreTheEightTurnsAndMirrorsOfASquare() {
        Set<List<Float>> distinct = new HashSet<>();
        for (int v = 0; v < 8; v++) {
            FloatTensor view = v == 0 ? twoImages() : ViewAveragingPredictor.view(twoImages(), v);
            List<Float> firstChannel = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                firstChannel.add(view.data()[2 * i]);
            }
            distinct.add(firstChannel);
            // Each view keeps the pixel's channels together and the centre in place.
            assertEquals(11f, view.data()[2 * 4]);
            assertEquals(-11f, view.data()[2 * 4 + 1]);
        }
        assertEquals(8, distinct.size());
        // A quarter turn clockwise: the bottom-left corner (20) comes to the top left, the top-left to the top right.
        FloatTensor quarter = ViewAveragingPredictor.view(twoImages(), 6);
        assertEquals(20f, quarter.data()[0]);
        assertEquals(0f, quarter.data()[2 * 2]);
    }

    /**
     * A perfect CircleNet on 8 x 8 images with a 4 px stride: it finds the brightest pixel and answers a heat logit
     * of 3 at its cell (-3 elsewhere), at every cell the pixel centre's place within its cell (cell units), and
     * the image's sum as radius. It turns with the image, so every view, brought back, must agree with the first.
     */
    private static final class BrightestPixel implements Predictor {
        @Override
        public Map<String, FloatTensor> predict(FloatTensor input) {
            int size = input.dim(1);
            int cells = size / 4;
            int best = 0;
            float sum = 0;
            for (int i = 0; i < size * size; i++) {
                sum += input.data()[i];
                best = input.data()[i] > input.data()[best] ? i : best;
            }
            int px = best % size;
            int py = best / size;
            float[] heat = new float[cells * cells];
            float[] offsets = new float[cells * cells * 2];
            float[] radius = new float[cells * cells];
            for (int c = 0; c < cells * cells; c++) {
                heat[c] = c == (py / 4) * cells + px / 4 ? 3 : -3;
                offsets[2 * c] = (px + 0.5f) / 4 - px / 4;
                offsets[2 * c + 1] = (py + 0.5f) / 4 - py / 4;
                radius[c] = sum;
            }
            return Map.of("heat", new FloatTensor(new long[] {1, cells, cells, 1}, heat),
                    "offset", new FloatTensor(new long[] {1, cells, cells, 2}, offsets),
                    "radius", new FloatTensor(new long[] {1, cells, cells, 1}, radius),
                    "score", new FloatTensor(new long[] {1, 1}, new float[] {heat[0]}));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void mapsAreTurnedBackAndCellOffsetsMirroredAndExchangedWithThem() throws ModelException {
        float[] image = new float[64];
        image[2 * 8 + 5] = 1; // pixel (x 5, y 2): cell (1, 0), its centre 0.375 and 0.625 into the cell
        FloatTensor input = new FloatTensor(new long[] {1, 8, 8, 1}, image);
        Map<String, ViewAveragingPredictor.OutputKind> kinds = Map.of(
                "heat", ViewAveragingPredictor.OutputKind.LOGIT_MAP,
                "offset", ViewAveragingPredictor.OutputKind.CELL_OFFSETS,
                "radius", ViewAveragingPredictor.OutputKind.MAP);
        for (int views : new int[] {2, 4, 8}) {
            Map<String, FloatTensor> out = ViewAveragingPredictor.wrap(new BrightestPixel(), views, kinds)
                    .predict(input);
            assertArrayEquals(new float[] {-3, 3, -3, -3}, out.get("heat").data(), 1e-4f, views + " views");
            assertArrayEquals(new float[] {0.375f, 0.625f}, Arrays.copyOfRange(out.get("offset").data(), 2, 4),
                    1e-6f, views + " views");
            assertArrayEquals(new float[] {1, 1, 1, 1}, out.get("radius").data(), 1e-6f);
            // A per-image output is averaged as it is: the top-left cell's logit, 3 in the views that bring the
            // pixel there (the left-right mirror; with eight views a quarter turn too), else -3.
            assertArrayEquals(new float[] {views == 2 ? 0 : -1.5f}, out.get("score").data(), 1e-6f);
        }
    }

    @Test
    void heatLogitsAreAveragedAsProbabilities() throws ModelException {
        Predictor alternating = new Predictor() {
            private int call;

            @Override
            public Map<String, FloatTensor> predict(FloatTensor input) {
                float logit = call++ % 2 == 0 ? 0 : (float) Math.log(3); // probabilities 0.5 and 0.75
                return Map.of("heat", new FloatTensor(new long[] {1, 1, 1, 1}, new float[] {logit}));
            }

            @Override
            public void close() {
            }
        };
        FloatTensor input = new FloatTensor(new long[] {1, 4, 4, 1}, new float[16]);
        float mean = ViewAveragingPredictor.wrap(alternating, 2,
                Map.of("heat", ViewAveragingPredictor.OutputKind.LOGIT_MAP)).predict(input).get("heat").data()[0];
        assertEquals(Math.log(0.625 / 0.375), mean, 1e-6);
    }

    @Test
    void oneViewIsThePredictorItself() {
        TopLeft net = new TopLeft();
        assertSame(net, ViewAveragingPredictor.wrap(net, 1));
        assertThrows(IllegalArgumentException.class, () -> ViewAveragingPredictor.wrap(net, 3));
    }

    @Test
    void mapsAndNonSquareImagesUnderTurnsAreRefused() {
        Predictor map = new Predictor() {
            @Override
            public Map<String, FloatTensor> predict(FloatTensor input) {
                return Map.of("mask", input);
            }

            @Override
            public void close() {
            }
        };
        ModelException e = assertThrows(ModelException.class,
                () -> ViewAveragingPredictor.wrap(map, 2).predict(twoImages()));
        assertTrue(e.getMessage().contains("'mask'"), e.getMessage());
        FloatTensor wide = new FloatTensor(new long[] {1, 2, 3, 1}, new float[6]);
        assertThrows(ModelException.class, () -> ViewAveragingPredictor.wrap(new TopLeft(), 8).predict(wide));
        // The mirrors alone do not need a square.
        TopLeft net = new TopLeft();
        assertDoesNotThrow(() -> ViewAveragingPredictor.wrap(net, 4).predict(wide));
    }
}
