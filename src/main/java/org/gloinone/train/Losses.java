package org.gloinone.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The training losses of the three tasks, as graph ops. Every loss is a scalar. */
public final class Losses {
    private Losses() {
    }

    /**
     * CircleNet/CenterNet focal loss on a centre heatmap (Zhou et al. 2019, eq. 1; alpha 2, beta 4):
     * {@code -1/Npos * sum( y==1 ? (1-p)^2 log p : (1-y)^4 p^2 log(1-p) )}, with p = sigmoid(logits) and
     * Npos the number of cells whose target is 1 (at least 1).
     *
     * @param logits heatmap logits [N,H,W,1]
     * @param target Gaussian centre heatmap [N,H,W,1], exactly 1 at each centre cell
     */
    public static Operand<TFloat32> heatmapFocal(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
        Operand<TFloat32> p = tf.math.sigmoid(logits);
        // log p = -softplus(-x), log(1-p) = -softplus(x): stable for large logits
        Operand<TFloat32> logP = tf.math.neg(tf.math.softplus(tf.math.neg(logits)));
        Operand<TFloat32> log1mP = tf.math.neg(tf.math.softplus(logits));
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> pos = tf.dtypes.cast(tf.math.greaterEqual(target, tf.constant(0.999f)), TFloat32.class);
        Operand<TFloat32> neg = tf.math.sub(one, pos);
        Operand<TFloat32> oneMinusP = tf.math.sub(one, p);
        Operand<TFloat32> posLoss = tf.math.mul(tf.math.mul(logP, tf.math.square(oneMinusP)), pos);
        Operand<TFloat32> negWeight = tf.math.square(tf.math.square(tf.math.sub(one, target)));
        Operand<TFloat32> negLoss = tf.math.mul(tf.math.mul(log1mP, tf.math.square(p)), tf.math.mul(negWeight, neg));
        Operand<TFloat32> numPos = tf.math.maximum(sumAll(tf, pos), one);
        return tf.math.neg(tf.math.div(tf.math.add(sumAll(tf, posLoss), sumAll(tf, negLoss)), numPos));
    }

    /**
     * L1 regression at the centre cells only (CircleNet offset and radius heads):
     * {@code sum(|pred - target| * mask) / max(1, sum(mask))} over all channels, mask broadcast over channels.
     *
     * @param mask [N,H,W,1], 1 at centre cells
     */
    public static Operand<TFloat32> maskedL1(Ops tf, Operand<TFloat32> pred, Operand<TFloat32> target,
                                              Operand<TFloat32> mask) {
        Operand<TFloat32> err = tf.math.mul(tf.math.abs(tf.math.sub(pred, target)), mask);
        return tf.math.div(sumAll(tf, err), tf.math.maximum(sumAll(tf, mask), tf.constant(1f)));
    }

    /**
     * Multi-class focal loss (Lin et al. 2017) averaged over the batch:
     * {@code -mean_n sum_c y_nc (1-p_nc)^gamma log p_nc}, p = softmax(logits). The paper's classifier uses gamma 2.5.
     *
     * @param logits [N,C]
     * @param oneHot [N,C] one-hot (or soft) targets
     */
    public static Operand<TFloat32> classFocal(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> oneHot,
                                                float gamma) {
        Operand<TFloat32> logP = tf.nn.logSoftmax(logits);
        Operand<TFloat32> p = tf.math.exp(logP);
        Operand<TFloat32> w = tf.math.pow(tf.math.sub(tf.constant(1f), p), tf.constant(gamma));
        Operand<TFloat32> perSample = tf.sum(tf.math.mul(tf.math.mul(oneHot, w), logP), tf.constant(1));
        return tf.math.neg(tf.math.mean(perSample, tf.constant(0)));
    }

    /**
     * Binary cross-entropy plus soft Dice loss for masks: {@code mean BCE + (1 - mean_n Dice_n)} with
     * {@code Dice_n = (2 sum p y + 1) / (sum p + sum y + 1)} per image, p = sigmoid(logits).
     *
     * @param logits [N,H,W,1]
     * @param target [N,H,W,1] in 0-1
     */
    public static Operand<TFloat32> bceDice(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
        // BCE with logits: softplus(x) - x*y
        Operand<TFloat32> bce = tf.math.mean(tf.math.sub(tf.math.softplus(logits), tf.math.mul(logits, target)),
                tf.constant(new int[] {0, 1, 2, 3}));
        Operand<TFloat32> p = tf.math.sigmoid(logits);
        Operand<org.tensorflow.types.TInt32> axes = tf.constant(new int[] {1, 2, 3});
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> inter = tf.sum(tf.math.mul(p, target), axes);
        Operand<TFloat32> denom = tf.math.add(tf.math.add(tf.sum(p, axes), tf.sum(target, axes)), one);
        Operand<TFloat32> dice = tf.math.div(tf.math.add(tf.math.mul(tf.constant(2f), inter), one), denom);
        return tf.math.add(bce, tf.math.sub(one, tf.math.mean(dice, tf.constant(0))));
    }

    private static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
        return tf.sum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
    }
}
