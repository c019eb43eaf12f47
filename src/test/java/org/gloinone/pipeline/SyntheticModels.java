package org.gloinone.pipeline;

import java.util.List;
import java.util.Set;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Preprocessing;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;
import org.gloinone.pipeline.bench.SessionPredictor;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Small real TensorFlow networks whose outputs are computed from the image, for testing the pipeline
 * end to end on {@link SyntheticSlide}s. They look for dark discs on a light background:
 * <ul>
 * <li>detector (2 um/px, stride 4): dark-pixel fraction per cell, then a disc window gives the local dark
 * area (radius head = sqrt(area/pi)) and its centroid (offset head); the heatmap is high where the
 * centroid falls on the cell;</li>
 * <li>classifier: purple discs with more blue than red are "normal", more red "sclerosed", grey
 * "non_glomerular";</li>
 * <li>segmenter: the dark-pixel probability.</li>
 * </ul>
 */
final class SyntheticModels {
    static final double DETECT_MPP = 2.0;
    static final int STRIDE = 4;
    /** The disc window radius in output cells: larger than any glomerulus (85 um = 10.6 cells). */
    private static final int WINDOW = 14;

    private SyntheticModels() {
    }

    static ModelSpec detectorSpec() {
        return new ModelSpec("synthetic-circlenet", "1", Task.DETECT, DETECT_MPP, "image", Preprocessing.unitRange(),
                new DetectConfig("heatmap", "offset", "radius", false, STRIDE, false, 50, 0.3, 0.35, 1024, 300),
                null, null);
    }

    static ModelSpec classifierSpec() {
        return new ModelSpec("synthetic-classifier", "1", Task.CLASSIFY, 1.0, "image", Preprocessing.unitRange(), null,
                new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"), "non_glomerular",
                        Set.of("sclerosed"), 12.5, 64), null);
    }

    static ModelSpec segmenterSpec() {
        return new ModelSpec("synthetic-segmenter", "1", Task.SEGMENT, 1.0, "image", Preprocessing.unitRange(), null, null,
                new SegmentConfig("mask", 12.5, 128, 0.5));
    }

    static StageModel detector() {
        return detector(1);
    }

    /** The detector running on {@code threads} TensorFlow threads. */
    static StageModel detector(int threads) {
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Operand<TFloat32> dark = darkness(tf, image(tf));
        Operand<TFloat32> cells = tf.nn.avgPool(dark, List.of(1L, (long) STRIDE, (long) STRIDE, 1L),
                List.of(1L, (long) STRIDE, (long) STRIDE, 1L), "VALID");
        int k = 2 * WINDOW + 1;
        float[][][][] ones = new float[k][k][1][1];
        float[][][][] xs = new float[k][k][1][1];
        float[][][][] ys = new float[k][k][1][1];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                boolean in = Math.hypot(i - WINDOW, j - WINDOW) <= WINDOW;
                ones[j][i][0][0] = in ? 1 : 0;
                xs[j][i][0][0] = in ? i - WINDOW : 0;
                ys[j][i][0][0] = in ? j - WINDOW : 0;
            }
        }
        List<Long> unit = List.of(1L, 1L, 1L, 1L);
        Operand<TFloat32> area = tf.nn.conv2d(cells, tf.constant(ones), unit, "SAME");
        Operand<TFloat32> safeArea = tf.math.add(area, tf.constant(1e-3f));
        Operand<TFloat32> mx = tf.math.div(tf.nn.conv2d(cells, tf.constant(xs), unit, "SAME"), safeArea);
        Operand<TFloat32> my = tf.math.div(tf.nn.conv2d(cells, tf.constant(ys), unit, "SAME"), safeArea);
        Operand<TFloat32> half = tf.constant(0.5f);
        tf.withName("offset").concat(List.of(tf.math.add(mx, half), tf.math.add(my, half)), tf.constant(3));
        tf.withName("radius").math.sqrt(tf.math.div(area, tf.constant((float) Math.PI)));
        Operand<TFloat32> centred = tf.math.exp(tf.math.neg(tf.math.div(
                tf.math.add(tf.math.square(mx), tf.math.square(my)), tf.constant(2f))));
        Operand<TFloat32> big = tf.math.div(area, tf.math.add(area, tf.constant(60f)));
        tf.withName("heatmap").math.mul(centred, big);
        return new StageModel(detectorSpec(), new SessionPredictor(g, List.of("heatmap", "offset", "radius"), threads),
                new ModelInfo("detect", "synthetic-circlenet", "1", "0".repeat(64)));
    }

    static StageModel classifier() {
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Operand<TFloat32> image = image(tf);
        Operand<TFloat32> dark = darkness(tf, image);
        Operand<TFloat32> blueMinusRed = channels(tf, image, -1, 0, 1);
        Operand<TFloat32> purple = channels(tf, image, 0.5f, -1, 0.5f);
        Operand<TInt32> spatial = tf.constant(new int[] {1, 2});
        Operand<TFloat32> f = tf.math.add(tf.math.mean(dark, spatial), tf.constant(1e-3f)); // [N, 1]
        Operand<TFloat32> hue = tf.math.div(tf.math.mean(tf.math.mul(dark, blueMinusRed), spatial), f);
        Operand<TFloat32> purpleness = tf.math.div(tf.math.mean(tf.math.mul(dark, purple), spatial), f);
        Operand<TFloat32> glomerular = tf.math.mul(tf.constant(20f), tf.math.sub(purpleness, tf.constant(0.15f)));
        Operand<TFloat32> normal = tf.math.add(tf.math.mul(tf.constant(20f), hue), glomerular);
        Operand<TFloat32> sclerosed = tf.math.sub(glomerular, tf.math.mul(tf.constant(20f), hue));
        Operand<TFloat32> logits = tf.concat(List.of(normal, sclerosed, tf.math.mul(f, tf.constant(0f))), tf.constant(1));
        tf.withName("probabilities").nn.softmax(logits);
        return new StageModel(classifierSpec(), new SessionPredictor(g, List.of("probabilities"), 1),
                new ModelInfo("classify", "synthetic-classifier", "1", "1".repeat(64)));
    }

    static StageModel segmenter() {
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Operand<TFloat32> dark = darkness(tf, image(tf));
        tf.withName("mask").identity(dark);
        return new StageModel(segmenterSpec(), new SessionPredictor(g, List.of("mask"), 1),
                new ModelInfo("segment", "synthetic-segmenter", "1", "2".repeat(64)));
    }

    private static Operand<TFloat32> image(Ops tf) {
        return tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
    }

    /** Probability that a pixel belongs to a dark disc: mean RGB below about 0.6 (0-1 input). */
    private static Operand<TFloat32> darkness(Ops tf, Operand<TFloat32> image) {
        Operand<TFloat32> mean = channels(tf, image, 1f / 3, 1f / 3, 1f / 3);
        return tf.math.sigmoid(tf.math.mul(tf.constant(30f), tf.math.sub(tf.constant(0.62f), mean)));
    }

    /** A weighted sum of the R, G, B channels as a one-channel image (a 1x1 convolution). */
    private static Operand<TFloat32> channels(Ops tf, Operand<TFloat32> image, float r, float g, float b) {
        float[][][][] w = {{{{r}, {g}, {b}}}};
        return tf.nn.conv2d(image, tf.constant(w), List.of(1L, 1L, 1L, 1L), "SAME");
    }
}
