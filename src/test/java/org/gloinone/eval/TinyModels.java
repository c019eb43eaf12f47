package org.gloinone.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Preprocessing;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.StageModel;
import org.gloinone.pipeline.bench.SessionPredictor;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Fixed-weight TensorFlow graphs whose outputs can be worked out by hand, in the I/O convention of the model
 * packages (input {@code image}, NHWC RGB scaled to 0-1).
 */
public final class TinyModels {
    /** Crop and patch size of the fixture crops. */
    static final int CROP = 224;
    /** Output stride, tile size and pixel size of the tiny detector (and of the fixture tiles). */
    static final int STRIDE = 4;
    static final int TILE = 256;
    public static final double TILE_MPP = 2.0;

    private TinyModels() {
    }

    /**
     * A segmenter whose mask is fixed: 0.9 on the left half of the patch (x &lt; 112), 0.1 on the right half.
     */
    public static StageModel halfMaskSegmenter() {
        ModelSpec spec = new ModelSpec("half-mask", "1", Task.SEGMENT, 1.0, "image", Preprocessing.unitRange(),
                null, null, new SegmentConfig("mask", 0, CROP, 0.5));
        float[] mask = new float[CROP * CROP];
        for (int y = 0; y < CROP; y++) {
            for (int x = 0; x < CROP; x++) {
                mask[y * CROP + x] = x < CROP / 2 ? 0.9f : 0.1f;
            }
        }
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Placeholder<TFloat32> image = image(tf);
        // image * 0 keeps the batch dimension; the constant broadcasts over it.
        Operand<TFloat32> zero = tf.math.mul(tf.math.mean(image, tf.constant(3), Mean.keepDims(true)), tf.constant(0f));
        Operand<TFloat32> out = tf.math.add(zero,
                tf.constant(Shape.of(1, CROP, CROP, 1), DataBuffers.of(mask, true, false)));
        tf.withName("mask").identity(out);
        return stage(spec, new SessionPredictor(g, List.of("mask"), 1));
    }

    /** A segmenter whose mask probability is 1 minus the pixel's mean of R, G and B: dark pixels are glomerulus. */
    public static StageModel darkPixelSegmenter() {
        ModelSpec spec = new ModelSpec("dark-pixels", "1", Task.SEGMENT, 1.0, "image", Preprocessing.unitRange(),
                null, null, new SegmentConfig("mask", 0, CROP, 0.5));
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Placeholder<TFloat32> image = image(tf);
        Operand<TFloat32> mean = tf.math.mean(image, tf.constant(3), Mean.keepDims(true));
        tf.withName("mask").identity(tf.math.sub(tf.constant(1f), mean));
        return stage(spec, new SessionPredictor(g, List.of("mask"), 1));
    }

    /**
     * A classifier of classes (normal, sclerosed, non_glomerular) with logits (0, 12 - 20 G, 30 - 60 G), G being the
     * crop's mean green value in 0-1, turned into probabilities by a softmax.
     */
    public static StageModel greenClassifier() {
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Placeholder<TFloat32> image = image(tf);
        tf.withName("probabilities").identity(greenProbabilities(tf, image));
        return stage(greenClassifierSpec(), new SessionPredictor(g, List.of("probabilities"), 1));
    }

    /** {@link #greenClassifier()} with a rejection threshold: non-glomerular from that probability on. */
    public static StageModel greenClassifier(double rejectThreshold) {
        ModelSpec green = greenClassifierSpec();
        ClassifyConfig c = green.classify();
        ModelSpec spec = new ModelSpec(green.name(), green.version(), Task.CLASSIFY, 1.0, "image",
                Preprocessing.unitRange(), null, new ClassifyConfig(c.probabilitiesOutput(), c.classNames(),
                        c.nonGlomerularClass(), c.sclerosedClasses(), c.paddingMicrons(), c.patchSize(),
                        rejectThreshold), null);
        return stage(spec, greenClassifier().predictor());
    }

    /** The spec of {@link #greenClassifier()}. */
    public static ModelSpec greenClassifierSpec() {
        return new ModelSpec("green", "1", Task.CLASSIFY, 1.0, "image", Preprocessing.unitRange(), null,
                new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"), "non_glomerular",
                        Set.of("sclerosed"), 0, CROP), null);
    }

    /**
     * Exports {@link #greenClassifier()} as a SavedModel (signature serving_default: image -> probabilities) and
     * returns its output for {@code input}, computed by the same session.
     */
    public static FloatTensor exportGreenClassifier(Path dir, FloatTensor input) throws java.io.IOException {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> image = image(tf);
            Operand<TFloat32> probabilities = greenProbabilities(tf, image);
            Signature sig = Signature.builder().key("serving_default").input("image", image)
                    .output("probabilities", probabilities).build();
            try (Session s = new Session(g);
                 TFloat32 in = TFloat32.tensorOf(Shape.of(input.shape()), DataBuffers.of(input.data(), true, false))) {
                SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s)).export();
                try (Result r = s.runner().feed(image, in).fetch(probabilities).run()) {
                    TFloat32 t = (TFloat32) r.get(0);
                    float[] v = new float[(int) t.size()];
                    t.copyTo(DataBuffers.of(v, false, false));
                    return new FloatTensor(t.shape().asArray(), v);
                }
            }
        }
    }

    private static Operand<TFloat32> greenProbabilities(Ops tf, Operand<TFloat32> image) {
        Operand<TFloat32> means = tf.math.mean(image, tf.constant(new int[] {1, 2})); // [N, 3]
        Operand<TFloat32> weights = tf.constant(new float[][] {{0, 0, 0}, {0, -20, -60}, {0, 0, 0}});
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(means, weights), tf.constant(new float[] {0, 12, 30}));
        return tf.nn.softmax(logits);
    }

    /** A circle the tiny detector always finds: centre, radius (input pixels) and score. */
    record FixedCircle(double x, double y, double radius, float score) {
    }

    /** The circles of {@link #fixedDetector()}: on the glomeruli of tiles 10150 and 10164 and the fragment of 10165. */
    static final List<FixedCircle> FIXED = List.of(
            new FixedCircle(111.5, 111.5, 53, 0.9f),
            new FixedCircle(92.5, 137.5, 47, 0.8f),
            new FixedCircle(12, 249, 11, 0.7f),
            new FixedCircle(233.5, 246, 17.5f, 0.6f));

    /**
     * A CircleNet detector for 256 x 256 tiles at 2 um/px whose heads are fixed: one heatmap peak per circle of
     * {@link #FIXED}, with the offset and radius (in input pixels) that decode to exactly that circle.
     */
    public static StageModel fixedDetector() {
        ModelSpec spec = new ModelSpec("fixed-circles", "1", Task.DETECT, TILE_MPP, "image", Preprocessing.unitRange(),
                new DetectConfig("heatmap", "offset", "radius", false, STRIDE, true, 10, 0.75, 0.9, TILE * TILE_MPP, 0),
                null, null);
        int cells = TILE / STRIDE;
        float[] heat = new float[cells * cells];
        float[] offset = new float[cells * cells * 2];
        float[] radius = new float[cells * cells];
        for (FixedCircle c : FIXED) {
            int i = (int) Math.floor(c.x() / STRIDE);
            int j = (int) Math.floor(c.y() / STRIDE);
            int cell = j * cells + i;
            heat[cell] = c.score();
            offset[2 * cell] = (float) (c.x() / STRIDE - i);
            offset[2 * cell + 1] = (float) (c.y() / STRIDE - j);
            radius[cell] = (float) c.radius();
        }
        Graph g = new Graph();
        Ops tf = Ops.create(g);
        Placeholder<TFloat32> image = image(tf);
        Operand<TFloat32> zero = tf.math.mul(tf.math.mean(image, tf.constant(new int[] {0, 1, 2, 3})), tf.constant(0f));
        Map<String, Operand<TFloat32>> heads = Map.of(
                "heatmap", tf.math.add(zero, tf.constant(Shape.of(1, cells, cells, 1), DataBuffers.of(heat, true, false))),
                "offset", tf.math.add(zero, tf.constant(Shape.of(1, cells, cells, 2), DataBuffers.of(offset, true, false))),
                "radius", tf.math.add(zero, tf.constant(Shape.of(1, cells, cells, 1), DataBuffers.of(radius, true, false))));
        heads.forEach((name, head) -> tf.withName(name).identity(head));
        return stage(spec, new SessionPredictor(g, List.of("heatmap", "offset", "radius"), 1));
    }

    private static Placeholder<TFloat32> image(Ops tf) {
        return tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
    }

    /** A network built in memory, identified by its spec (it has no weight files to hash). */
    private static StageModel stage(ModelSpec spec, Predictor predictor) {
        return new StageModel(spec, predictor, new ModelInfo(spec.task().word(), spec.name(), spec.version(), ""));
    }
}
