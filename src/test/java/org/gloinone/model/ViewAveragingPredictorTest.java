package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
