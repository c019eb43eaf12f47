package org.gloinone.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A small vocabulary of network layers over TensorFlow ops, NHWC float32, with named variables.
 * The same network code builds a training branch ({@code training = true}: batch statistics, dropout active,
 * moving-average updates collected in {@link #updates()}) and an inference branch sharing the variables.
 * Dropout draws its masks from the seed fed to {@link #dropoutSeed()} at each step, not from a random state
 * kept by TensorFlow, so a run resumed from a checkpoint drops the same units as one that never stopped.
 */
public final class Layers {
    private static final float BN_MOMENTUM = 0.9f;
    private static final float BN_EPSILON = 1e-3f;

    private final Ops tf;
    private final Params params;
    private final boolean training;
    private final Random init;
    private final List<Op> updates;
    /** The layers this one is a member view of (itself for a root): it holds the dropout state. */
    private final Layers root;
    /** Prefix of every variable name this view creates. */
    private final String scope;
    private Placeholder<TInt64> dropoutSeed;
    private int dropoutLayers;

    /**
     * @param tf       ops of the graph
     * @param params   variable store (shared between branches)
     * @param training whether this branch trains
     * @param seed     seed of the initial weights
     */
    public Layers(Ops tf, Params params, boolean training, long seed) {
        this.tf = tf;
        this.params = params;
        this.training = training;
        this.init = new Random(seed);
        this.updates = new ArrayList<>();
        this.root = this;
        this.scope = "";
    }

    private Layers(Layers parent, String scope) {
        this.tf = parent.tf;
        this.params = parent.params;
        this.training = parent.training;
        this.init = parent.init;
        this.updates = parent.updates;
        this.root = parent.root;
        this.scope = parent.scope + scope;
    }

    /**
     * The same branch with every variable it creates named under {@code prefix} (e.g. {@code member-2/}): one of
     * several networks built side by side. Initial values, batch-norm updates and dropout streams continue those
     * of this branch.
     */
    public Layers scoped(String prefix) {
        return new Layers(this, prefix);
    }

    /** The ops of the graph. */
    public Ops tf() {
        return tf;
    }

    /** Whether this branch trains. */
    public boolean training() {
        return training;
    }

    /**
     * A branch over the same variables that normalises with the statistics of its own batch, as training does
     * (for looking at training-mode outputs; its moving-average updates are never run). It creates no variables
     * the other branches lack.
     */
    public Layers withBatchStatistics() {
        return new Layers(tf, params, true, 0);
    }

    /** Batch-norm moving-average updates to run with each training step. */
    public List<Op> updates() {
        return List.copyOf(updates);
    }

    /**
     * The placeholder of the dropout seed, present once a dropout layer was built: feed it two longs at every
     * training step (e.g. the run's seed and the step number) so that the masks depend on nothing else.
     */
    public Optional<Placeholder<TInt64>> dropoutSeed() {
        return Optional.ofNullable(root.dropoutSeed);
    }

    /** Channels (last dimension) of a tensor whose channel count is known when the graph is built. */
    public static int channels(Operand<TFloat32> x) {
        long c = x.shape().size(x.shape().numDimensions() - 1);
        if (c <= 0) {
            throw new IllegalArgumentException("channel count of " + x + " is unknown");
        }
        return (int) c;
    }

    /** A k x k convolution with He-normal initial weights, 'SAME' padding, and an optional bias. */
    public Operand<TFloat32> conv(String name, Operand<TFloat32> x, int k, int out, int stride, boolean bias) {
        int in = channels(x);
        double std = Math.sqrt(2.0 / (k * k * in));
        Variable<TFloat32> w = params.get(scope + name + "/kernel", new long[] {k, k, in, out}, Params.Kind.WEIGHT,
                () -> normal(k * k * in * out, std));
        Operand<TFloat32> y = tf.nn.conv2d(x, w, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
        if (bias) {
            y = tf.nn.biasAdd(y, bias(name, out, 0f));
        }
        return y;
    }

    /** A 1 x 1 or k x k output convolution with small initial weights and a bias starting at {@code biasInit}. */
    public Operand<TFloat32> head(String name, Operand<TFloat32> x, int out, float biasInit) {
        int in = channels(x);
        Variable<TFloat32> w = params.get(scope + name + "/kernel", new long[] {1, 1, in, out}, Params.Kind.WEIGHT,
                () -> normal(in * out, 0.01));
        Operand<TFloat32> y = tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME");
        return tf.nn.biasAdd(y, bias(name, out, biasInit));
    }

    private Variable<TFloat32> bias(String name, int out, float value) {
        return params.get(scope + name + "/bias", new long[] {out}, Params.Kind.WEIGHT, () -> filled(out, value));
    }

    /**
     * Batch normalisation (fused). Training uses the batch statistics and updates the moving averages;
     * inference uses the moving averages.
     */
    public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x) {
        int c = channels(x);
        Variable<TFloat32> gamma = params.get(scope + name + "/gamma", new long[] {c}, Params.Kind.WEIGHT, () -> filled(c, 1f));
        Variable<TFloat32> beta = params.get(scope + name + "/beta", new long[] {c}, Params.Kind.WEIGHT, () -> filled(c, 0f));
        Variable<TFloat32> mean = params.get(scope + name + "/moving_mean", new long[] {c}, Params.Kind.STATISTIC,
                () -> filled(c, 0f));
        Variable<TFloat32> var = params.get(scope + name + "/moving_variance", new long[] {c}, Params.Kind.STATISTIC,
                () -> filled(c, 1f));
        if (!training) {
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, gamma, beta, mean, var,
                    FusedBatchNorm.isTraining(false), FusedBatchNorm.epsilon(BN_EPSILON));
            return bn.y();
        }
        Operand<TFloat32> empty = tf.constant(new float[0]);
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, gamma, beta, empty, empty,
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(BN_EPSILON));
        Operand<TFloat32> m = tf.constant(BN_MOMENTUM);
        Operand<TFloat32> m1 = tf.constant(1f - BN_MOMENTUM);
        updates.add(tf.assign(mean, tf.math.add(tf.math.mul(mean, m), tf.math.mul(tf.stopGradient(bn.batchMean()), m1))));
        updates.add(tf.assign(var, tf.math.add(tf.math.mul(var, m),
                tf.math.mul(tf.stopGradient(bn.batchVariance()), m1))));
        return bn.y();
    }

    /** Rectified linear unit. */
    public Operand<TFloat32> relu(Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }

    /** Convolution, batch norm and ReLU. */
    public Operand<TFloat32> convBnRelu(String name, Operand<TFloat32> x, int k, int out, int stride) {
        return relu(batchNorm(name + "/bn", conv(name, x, k, out, stride, false)));
    }

    /**
     * A residual block (two 3 x 3 convolutions with batch norm) whose shortcut is a 1 x 1 convolution when the
     * stride or the width changes.
     */
    public Operand<TFloat32> residual(String name, Operand<TFloat32> x, int out, int stride) {
        return residual(name, x, out, stride, false);
    }

    /**
     * A residual block; with {@code pooledShortcut} a strided shortcut is a 2 x 2 average pooling followed by a
     * 1 x 1 convolution (He et al. 2019, "ResNet-D") instead of a strided 1 x 1 convolution. The pooled form also
     * avoids a crash of the CPU kernels of TensorFlow 2.x (as shipped with TensorFlow Java 1.1.0) in the gradient of
     * strided 1 x 1 convolutions for some shapes.
     */
    public Operand<TFloat32> residual(String name, Operand<TFloat32> x, int out, int stride, boolean pooledShortcut) {
        Operand<TFloat32> y = convBnRelu(name + "/a", x, 3, out, stride);
        y = batchNorm(name + "/b/bn", conv(name + "/b", y, 3, out, 1, false));
        Operand<TFloat32> shortcut = x;
        if (stride != 1 || channels(x) != out) {
            Operand<TFloat32> in = x;
            int convStride = stride;
            if (pooledShortcut && stride == 2) {
                in = avgPool(x);
                convStride = 1;
            }
            shortcut = batchNorm(name + "/proj/bn", conv(name + "/proj", in, 1, out, convStride, false));
        }
        return relu(tf.math.add(y, shortcut));
    }

    /** 2 x 2 average pooling with stride 2. */
    public Operand<TFloat32> avgPool(Operand<TFloat32> x) {
        return tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "SAME");
    }

    /** 2 x 2 max pooling with stride 2. */
    public Operand<TFloat32> maxPool(Operand<TFloat32> x) {
        return tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME");
    }

    /** Mean over height and width: [N,H,W,C] to [N,C]. */
    public Operand<TFloat32> globalAveragePool(Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(new int[] {1, 2}));
    }

    /** Bilinear resize to the height and width of {@code like} (works for any input size). */
    public Operand<TFloat32> upsampleTo(Operand<TFloat32> x, Operand<TFloat32> like) {
        Operand<TInt32> hw = tf.slice(tf.shape(like), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
        return tf.image.resizeBilinear(x, hw);
    }

    /** Concatenation along channels. */
    public Operand<TFloat32> concat(Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.concat(Arrays.asList(a, b), tf.constant(-1));
    }

    /** A fully connected layer on [N,C] with Glorot-uniform weights. */
    public Operand<TFloat32> dense(String name, Operand<TFloat32> x, int out) {
        int in = channels(x);
        double limit = Math.sqrt(6.0 / (in + out));
        Variable<TFloat32> w = params.get(scope + name + "/kernel", new long[] {in, out}, Params.Kind.WEIGHT,
                () -> uniform(in * out, limit));
        return tf.nn.biasAdd(tf.linalg.matMul(x, w), bias(name, out, 0f));
    }

    /** Inverted dropout in training (kept values scaled by 1/keep); the identity in inference. */
    public Operand<TFloat32> dropout(Operand<TFloat32> x, float rate) {
        if (!training || rate <= 0) {
            return x;
        }
        float keep = 1f - rate;
        if (root.dropoutSeed == null) {
            root.dropoutSeed = tf.withName("dropout_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        }
        // each dropout layer its own stream: the step number stays far below 2^32
        Operand<TInt64> layerSeed = tf.math.add(root.dropoutSeed,
                tf.constant(new long[] {0, (long) root.dropoutLayers++ << 32}));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), layerSeed, TFloat32.class);
        Operand<TFloat32> kept = tf.dtypes.cast(tf.math.less(u, tf.constant(keep)), TFloat32.class);
        return tf.math.mul(x, tf.math.mul(kept, tf.constant(1f / keep)));
    }

    private float[] normal(int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (init.nextGaussian() * std);
        }
        return v;
    }

    private float[] uniform(int n, double limit) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((init.nextDouble() * 2 - 1) * limit);
        }
        return v;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }
}
