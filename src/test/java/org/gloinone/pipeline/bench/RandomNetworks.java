package org.gloinone.pipeline.bench;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Preprocessing;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.StageModel;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Randomly initialised networks of realistic cost for benchmarking the pipeline before trained models
 * exist: a stride-4 encoder-decoder with three resolutions (widths w, 2w, 4w; about 43 GFLOP per
 * 1024x1024 tile at w = 64) and CircleNet's three heads; a classifier and a segmenter on the same
 * encoder. Weights are He-initialised from a fixed seed, so runs are repeatable.
 */
public final class RandomNetworks {
    private final Random random;
    private final int width;
    private final int threads;

    /**
     * @param width   channels of the finest stage (64 is about CircleNet's cost)
     * @param threads TensorFlow threads
     * @param seed    weight seed
     */
    public RandomNetworks(int width, int threads, long seed) {
        this.width = width;
        this.threads = threads;
        this.random = new Random(seed);
    }

    /** A detector at {@code micronsPerPixel} on tiles of {@code tileMicrons} overlapping by 300 um. */
    public StageModel detector(double micronsPerPixel, double tileMicrons) {
        ModelSpec spec = new ModelSpec("random-circlenet-w" + width, "0", Task.DETECT, micronsPerPixel, "image",
                Preprocessing.unitRange(),
                new DetectConfig("heatmap", "offset", "radius", true, 4, false, 100, 0.3, 0.35, tileMicrons, 300),
                null, null);
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Operand<TFloat32> features = encoderDecoder(tf, image(tf));
        Operand<TFloat32> head = relu(tf, conv(tf, features, 3, width, width, 1));
        // A negative bias keeps the random heatmap sparse, like a trained one.
        tf.withName("heatmap").math.add(conv(tf, head, 1, width, 1, 1), tf.constant(-4f));
        tf.withName("offset").math.sigmoid(conv(tf, head, 1, width, 2, 1));
        tf.withName("radius").math.add(tf.math.softplus(conv(tf, head, 1, width, 1, 1)), tf.constant(4f));
        return new StageModel(spec, new SessionPredictor(g, List.of("heatmap", "offset", "radius"), threads),
                new ModelInfo("detect", spec.name(), "0", "random"));
    }

    /** A three-class classifier on 256-px patches. */
    public StageModel classifier() {
        ModelSpec spec = new ModelSpec("random-classifier-w" + width, "0", Task.CLASSIFY, 0.5, "image",
                Preprocessing.unitRange(), null,
                new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"), "non_glomerular",
                        Set.of("sclerosed"), 12.5, 256), null);
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Operand<TFloat32> features = encoderDecoder(tf, image(tf));
        Operand<TFloat32> pooled = tf.math.mean(features, tf.constant(new int[] {1, 2}));
        Operand<TFloat32> logits = tf.linalg.matMul(pooled, weights(tf, Shape.of(width, 3), width));
        tf.withName("probabilities").nn.softmax(logits);
        return new StageModel(spec, new SessionPredictor(g, List.of("probabilities"), threads),
                new ModelInfo("classify", spec.name(), "0", "random"));
    }

    /** A segmenter on 256-px patches, mask upsampled back to the patch size. */
    public StageModel segmenter() {
        ModelSpec spec = new ModelSpec("random-segmenter-w" + width, "0", Task.SEGMENT, 0.5, "image",
                Preprocessing.unitRange(), null, null, new SegmentConfig("mask", 12.5, 256, 0.5));
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Operand<TFloat32> input = image(tf);
        Operand<TFloat32> features = encoderDecoder(tf, input);
        Operand<TFloat32> logits = conv(tf, features, 1, width, 1, 1);
        Operand<TInt32> size = tf.slice(tf.shape(input), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
        tf.withName("mask").math.sigmoid(tf.image.resizeBilinear(logits, size));
        return new StageModel(spec, new SessionPredictor(g, List.of("mask"), threads),
                new ModelInfo("segment", spec.name(), "0", "random"));
    }

    private static Operand<TFloat32> image(Ops tf) {
        return tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
    }

    /** Stride-4 features of {@code width} channels from three resolutions. */
    private Operand<TFloat32> encoderDecoder(Ops tf, Operand<TFloat32> image) {
        int w = width;
        Operand<TFloat32> s2 = relu(tf, conv(tf, image, 3, 3, w / 2, 2));
        Operand<TFloat32> s4 = relu(tf, conv(tf, s2, 3, w / 2, w, 2));
        s4 = residual(tf, s4, w);
        Operand<TFloat32> s8 = relu(tf, conv(tf, s4, 3, w, 2 * w, 2));
        s8 = residual(tf, s8, 2 * w);
        Operand<TFloat32> s16 = relu(tf, conv(tf, s8, 3, 2 * w, 4 * w, 2));
        s16 = residual(tf, s16, 4 * w);
        Operand<TInt32> size4 = tf.slice(tf.shape(s4), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
        Operand<TFloat32> up16 = tf.image.resizeBilinear(conv(tf, s16, 1, 4 * w, w, 1), size4);
        Operand<TFloat32> up8 = tf.image.resizeBilinear(conv(tf, s8, 1, 2 * w, w, 1), size4);
        return relu(tf, tf.math.add(s4, tf.math.add(up16, up8)));
    }

    private Operand<TFloat32> residual(Ops tf, Operand<TFloat32> x, int channels) {
        Operand<TFloat32> y = relu(tf, conv(tf, x, 3, channels, channels, 1));
        y = conv(tf, y, 3, channels, channels, 1);
        return relu(tf, tf.math.add(x, y));
    }

    private Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, int k, int in, int out, int stride) {
        Operand<TFloat32> filter = weights(tf, Shape.of(k, k, in, out), k * k * in);
        return tf.nn.conv2d(x, filter, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    }

    private Operand<TFloat32> weights(Ops tf, Shape shape, int fanIn) {
        float[] w = new float[Math.toIntExact(shape.size())];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * std);
        }
        return tf.constant(shape, DataBuffers.of(w, true, false));
    }

    private static Operand<TFloat32> relu(Ops tf, Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }
}
