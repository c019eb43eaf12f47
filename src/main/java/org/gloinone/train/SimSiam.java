package org.gloinone.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * SimSiam (Chen and He 2021), the self-supervised pretraining of the Glo-In-One classifier: the classifier's
 * backbone, a projection MLP giving z and a prediction MLP giving p. Both views of a batch go through the network
 * together (first half view one, second half view two); the loss is the symmetric negative cosine similarity
 * between each view's p and the other view's z, with a stop-gradient on z (the target branch).
 *
 * @param backbone        the classifier whose {@link ResNetClassifier#features} is the encoder
 * @param projectionDim   width d of the projection MLP and of z and p
 * @param predictorHidden bottleneck width of the prediction MLP (SimSiam: d / 4)
 */
public record SimSiam(ResNetClassifier backbone, int projectionDim, int predictorHidden) {
    /** Prefix of the variables of the two MLPs; everything else belongs to the encoder. */
    public static final String HEAD_PREFIX = "simsiam/";
    /** Output name of the encoder features. */
    public static final String FEATURES = "features";
    /** Output name of the projections z. */
    public static final String PROJECTION = "z";
    /** Output name of the predictions p. */
    public static final String PREDICTION = "p";
    private static final float NORM_EPSILON = 1e-12f;

    public SimSiam {
        if (projectionDim < 2 || predictorHidden < 1) {
            throw new IllegalArgumentException("projection width must be >= 2 and predictor width >= 1");
        }
    }

    /** Features, projections z and predictions p of images [N,H,W,3], by output name. */
    public Map<String, Operand<TFloat32>> outputs(Layers l, Operand<TFloat32> image) {
        Operand<TFloat32> h = backbone.features(l, image);
        Operand<TFloat32> z = l.dense(HEAD_PREFIX + "projector/fc1", h, projectionDim);
        z = l.relu(batchNorm1d(l, HEAD_PREFIX + "projector/bn1", z));
        z = batchNorm1d(l, HEAD_PREFIX + "projector/bn2", l.dense(HEAD_PREFIX + "projector/fc2", z, projectionDim));
        Operand<TFloat32> p = l.dense(HEAD_PREFIX + "predictor/fc1", z, predictorHidden);
        p = l.relu(batchNorm1d(l, HEAD_PREFIX + "predictor/bn1", p));
        p = l.dense(HEAD_PREFIX + "predictor/fc2", p, projectionDim);
        Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
        out.put(FEATURES, h);
        out.put(PROJECTION, z);
        out.put(PREDICTION, p);
        return out;
    }

    /** Whether a variable belongs to the encoder (kept in the pretrained package) rather than to an MLP. */
    public static boolean isEncoderVariable(String name) {
        return !name.startsWith(HEAD_PREFIX);
    }

    /** Batch norm of [N,C] through the fused NHWC kernel, as [N,1,1,C]. */
    private static Operand<TFloat32> batchNorm1d(Layers l, String name, Operand<TFloat32> x) {
        Ops tf = l.tf();
        int c = Layers.channels(x);
        Operand<TFloat32> y = l.batchNorm(name, tf.reshape(x, tf.constant(new int[] {-1, 1, 1, c})));
        return tf.reshape(y, tf.constant(new int[] {-1, c}));
    }

    /**
     * The symmetric SimSiam loss of a two-view batch: {@code D(p1, sg(z2)) / 2 + D(p2, sg(z1)) / 2}, where the first
     * half of the rows is view one, the second half view two, sg is the stop-gradient and D the negative cosine
     * similarity. Its minimum is -1.
     */
    public static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> p, Operand<TFloat32> z) {
        List<Operand<TFloat32>> ps = halves(tf, p);
        List<Operand<TFloat32>> zs = halves(tf, z);
        Operand<TFloat32> half = tf.constant(0.5f);
        return tf.math.add(tf.math.mul(half, negativeCosine(tf, ps.get(0), tf.stopGradient(zs.get(1)))),
                tf.math.mul(half, negativeCosine(tf, ps.get(1), tf.stopGradient(zs.get(0)))));
    }

    /** {@code D(p, z) = -mean over rows of cos(p_i, z_i)}. */
    static Operand<TFloat32> negativeCosine(Ops tf, Operand<TFloat32> p, Operand<TFloat32> z) {
        Operand<TFloat32> cos = tf.sum(tf.math.mul(unitRows(tf, p), unitRows(tf, z)), tf.constant(1));
        return tf.math.neg(tf.math.mean(cos, tf.constant(0)));
    }

    /** Rows scaled to unit length (rows of zeros stay zero). */
    static Operand<TFloat32> unitRows(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> squares = tf.sum(tf.math.square(x), tf.constant(1), Sum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squares, tf.constant(NORM_EPSILON))));
    }

    private static List<Operand<TFloat32>> halves(Ops tf, Operand<TFloat32> x) {
        return new ArrayList<>(tf.split(tf.constant(0), x, 2L).output());
    }
}
