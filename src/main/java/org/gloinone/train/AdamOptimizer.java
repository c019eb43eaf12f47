package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba 2015) whose learning rate is fed at every step, so that a {@link CosineSchedule} drives it.
 * Its moments and bias-correction powers are {@link Params.Kind#OPTIMIZER} variables: they are checkpointed
 * for resuming, and never exported.
 */
public final class AdamOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-7f;

    private final Placeholder<TFloat32> learningRate;
    private final Op step;

    /**
     * Adds the gradient and update ops for minimising {@code loss} over the trainable weights of {@code params},
     * with decoupled weight decay {@code weightDecay} (0 for none) and the extra ops {@code alsoRun}
     * (batch-norm statistics) run in the same step.
     */
    public AdamOptimizer(Graph graph, Ops tf, Params params, Operand<TFloat32> loss, float weightDecay,
                         List<Op> alsoRun) {
        List<Variable<TFloat32>> weights = params.weights();
        Output<?>[] xs = new Output<?>[weights.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = weights.get(i).asOutput();
        }
        Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Variable<TFloat32> beta1Power = params.get("adam/beta1_power", new long[0], Params.Kind.OPTIMIZER,
                () -> new float[] {BETA1});
        Variable<TFloat32> beta2Power = params.get("adam/beta2_power", new long[0], Params.Kind.OPTIMIZER,
                () -> new float[] {BETA2});
        // Updates run only after every gradient is computed: ApplyAdam changes a kernel in place, and the gradient
        // flowing to the layer below reads that same kernel, so an update that runs first would make the step
        // depend on the order in which TensorFlow happens to schedule the ops.
        List<Op> computed = new ArrayList<>();
        for (Output<?> g : grads) {
            computed.add(tf.identity(g));
        }
        Ops gated = tf.withControlDependencies(computed);
        Operand<TFloat32> b1 = tf.constant(BETA1);
        Operand<TFloat32> b2 = tf.constant(BETA2);
        Operand<TFloat32> eps = tf.constant(EPSILON);
        List<Op> applies = new ArrayList<>(alsoRun);
        for (int i = 0; i < xs.length; i++) {
            Variable<TFloat32> w = weights.get(i);
            String name = w.op().name();
            long[] shape = w.shape().asArray();
            int n = (int) Params.size(shape);
            Variable<TFloat32> m = params.get(name + "/adam_m", shape, Params.Kind.OPTIMIZER, () -> new float[n]);
            Variable<TFloat32> v = params.get(name + "/adam_v", shape, Params.Kind.OPTIMIZER, () -> new float[n]);
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
            if (weightDecay > 0 && shape.length > 1) {
                // L2 on kernels only (not biases, not batch-norm scales)
                g = tf.math.add(g, tf.math.mul(w, tf.constant(weightDecay)));
            }
            applies.add(gated.train.applyAdam(w, m, v, beta1Power, beta2Power, learningRate, b1, b2, eps, g));
        }
        Ops after = tf.withControlDependencies(applies);
        Op p1 = after.assign(beta1Power, after.math.mul(beta1Power, b1));
        Op p2 = after.assign(beta2Power, after.math.mul(beta2Power, b2));
        step = tf.withControlDependencies(List.of(p1, p2)).withName("train_step").noOp();
    }

    /** The learning-rate placeholder to feed at each step. */
    public Placeholder<TFloat32> learningRate() {
        return learningRate;
    }

    /** The op that applies one update. */
    public Op step() {
        return step;
    }
}
