package org.gloinone.model;

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
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a tiny CircleNet-shaped detector with TensorFlow Java (two strided 3x3 convolutions and three 1x1
 * heads, output stride 4), exports it as a SavedModel and packages it with its spec and test tensors.
 */
public final class TinyDetector {
    public static final int STRIDE = 4;
    public static final int TEST_SIZE = 16;
    public static final double UM_PER_PX = 0.5;

    private TinyDetector() {
    }

    /** Exports the SavedModel into {@code dir}; with {@code writeFileOp} the graph also holds a WriteFile node. */
    public static void exportSavedModel(Path dir, boolean writeFileOp) throws IOException {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            Operand<TFloat32> x = conv(tf, image, 3, 3, 8, 2, 1);
            x = tf.nn.relu(x);
            x = tf.nn.relu(conv(tf, x, 3, 8, 8, 2, 2));
            Operand<TFloat32> heatmap = tf.withName("heatmap").identity(conv(tf, x, 1, 8, 1, 1, 3));
            Operand<TFloat32> offset = tf.withName("offset").math.sigmoid(conv(tf, x, 1, 8, 2, 1, 4));
            Operand<TFloat32> radius = tf.withName("radius").nn.relu(conv(tf, x, 1, 8, 1, 1, 5));
            if (writeFileOp) {
                tf.withName("leak").io.writeFile(tf.constant("leaked.txt"), tf.constant("secret"));
            }
            Signature sig = Signature.builder().key(TensorFlowPredictor.SIGNATURE).input("image", image)
                    .output("heatmap", heatmap).output("offset", offset).output("radius", radius).build();
            try (Session s = new Session(g)) {
                s.initialize();
                SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s)).export();
            }
        }
    }

    /** A convolution with deterministic, varied weights held in a variable (so the SavedModel has variables/). */
    private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> in, int k, int cin, int cout, int stride, int seed) {
        float[][][][] w = new float[k][k][cin][cout];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < cin; c++) {
                    for (int o = 0; o < cout; o++) {
                        w[i][j][c][o] = (float) Math.sin(seed * 7.1 + i * 3.3 + j * 1.7 + c * 0.9 + o * 0.31) * 0.5f;
                    }
                }
            }
        }
        return tf.nn.conv2d(in, tf.variable(tf.constant(w)), List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    }

    /** A deterministic NHWC test image, values roughly in [-1, 1]. */
    public static FloatTensor testInput(int batch, int size) {
        float[] data = new float[batch * size * size * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.cos(i * 0.37);
        }
        return new FloatTensor(new long[] {batch, size, size, 3}, data);
    }

    /** Runs the exported SavedModel directly (without the code under test) to get reference outputs. */
    public static Map<String, FloatTensor> reference(Path savedModel, FloatTensor input) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (SavedModelBundle b = SavedModelBundle.load(savedModel.toString(), "serve");
             TFloat32 in = TFloat32.tensorOf(Shape.of(input.shape()), DataBuffers.of(input.data(), true, false));
             Result r = b.function(TensorFlowPredictor.SIGNATURE).call(Map.of("image", in))) {
            for (String key : List.of("heatmap", "offset", "radius")) {
                TFloat32 t = (TFloat32) r.get(key).orElseThrow();
                float[] v = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(v, false, false));
                out.put(key, new FloatTensor(t.shape().asArray(), v));
            }
        }
        return out;
    }

    public static ModelSpec spec() {
        DetectConfig detect = new DetectConfig("heatmap", "offset", "radius", true, STRIDE, false, 100, 0.3, 0.35,
                512, 128);
        return new ModelSpec("tiny-detector", "0.1.0", Task.DETECT, UM_PER_PX, "image", Preprocessing.unitRange(),
                detect, null, null);
    }

    public static ModelDescription description() {
        double outScale = UM_PER_PX * STRIDE;
        return new ModelDescription("A tiny test detector.", List.of("Test Author"), "MIT", "MODEL_CARD.md",
                List.of("Yao et al. 2022"),
                List.of(TensorDescription.image("image", List.of("red", "green", "blue"), UM_PER_PX, STRIDE, null)),
                List.of(TensorDescription.image("heatmap", List.of("centre"), outScale, 0, null),
                        TensorDescription.image("offset", List.of("dx", "dy"), outScale, 0, null),
                        TensorDescription.image("radius", List.of("radius"), outScale, 0, null)),
                "saved_model", null, null, 1e-5, 1e-4);
    }

    /** Exports and packages the detector into {@code target}, with a test input of 1 x 16 x 16 x 3. */
    public static ModelRdf writePackage(Path work, Path target, boolean writeFileOp) throws Exception {
        Path exported = work.resolve("export-" + target.getFileName());
        exportSavedModel(exported, writeFileOp);
        FloatTensor input = testInput(1, TEST_SIZE);
        return ModelPackageWriter.write(target, exported, spec(), description(), Map.of("image", input),
                reference(exported, input), "# Tiny detector\n\nFor tests only.\n");
    }
}
