package org.gloinone.train;

import java.util.List;
import java.util.Map;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The pooled backbone features of images, computed in inference mode (batch norm on its moving statistics) with
 * given weights, or with the seeded initial weights for the variables the weights do not name.
 */
final class EncoderFeatures {
    private static final int BATCH = 64;

    private EncoderFeatures() {
    }

    /**
     * Features [images.size() x backbone.featureCount()] row-major.
     *
     * @param weights encoder variables by name (may be empty: a randomly initialised encoder)
     * @param seed    seed of the initial weights of the variables {@code weights} lacks
     */
    static float[] of(ResNetClassifier backbone, Map<String, float[]> weights, long seed, List<FloatImage> images,
                      int size) {
        int d = backbone.featureCount();
        float[] out = new float[images.size() * d];
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            Params params = new Params(tf);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, size, size, 3)));
            Operand<TFloat32> features = backbone.features(new Layers(tf, params, false, seed), input);
            params.initialize(session);
            params.load(session, weights, false);
            int px = size * size * 3;
            for (int start = 0; start < images.size(); start += BATCH) {
                int n = Math.min(BATCH, images.size() - start);
                float[] batch = new float[n * px];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(images.get(start + i).data(), 0, batch, i * px, px);
                }
                try (TFloat32 in = Tensors.floats(batch, n, size, size, 3);
                     var r = session.runner().feed(input, in).fetch(features).run()) {
                    System.arraycopy(Tensors.toFloats((TFloat32) r.get(0)), 0, out, start * d, n * d);
                }
            }
        }
        return out;
    }
}
