package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The SimSiam loss on a hand-computed example, and its stop-gradient on the target branch. */
class SimSiamLossTest {
    // Two views of two images; rows 0-1 are view one, rows 2-3 view two.
    private static final float[][] P = {{1, 0}, {3, 4}, {0, 2}, {1, 0}};
    private static final float[][] Z = {{1, 1}, {0, -1}, {0, 1}, {4, 3}};

    @Test
    void symmetricNegativeCosineMatchesTheHandComputedValue() {
        // D(p1, z2) = -mean(cos([1,0],[0,1]) = 0, cos([3,4],[4,3]) = 24/25) = -0.48
        // D(p2, z1) = -mean(cos([0,2],[1,1]) = 1/sqrt(2), cos([1,0],[0,-1]) = 0) = -0.35355
        // loss = (-0.48 - 0.35355) / 2
        double expected = (-0.48 - 1 / Math.sqrt(2) / 2) / 2;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> loss = SimSiam.loss(tf, tf.constant(P), tf.constant(Z));
            try (var r = s.runner().fetch(loss).run()) {
                assertEquals(expected, ((TFloat32) r.get(0)).getFloat(), 1e-6);
            }
        }
    }

    @Test
    void noGradientReachesTheTargetBranch() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> p = tf.identity(tf.constant(P));
            Operand<TFloat32> z = tf.identity(tf.constant(Z));
            // a second path to z, multiplied by 0, keeps z connected to the loss so that its gradient exists
            Operand<TFloat32> loss = tf.math.add(SimSiam.loss(tf, p, z),
                    tf.math.mul(tf.constant(0f), tf.sum(z, tf.constant(new int[] {0, 1}))));
            // Without the stop-gradient the same similarity would pull on z: the check below can fail.
            Operand<TFloat32> unstopped = SimSiam.negativeCosine(tf, p, z);
            Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {p.asOutput(), z.asOutput()});
            Output<?>[] plain = g.addGradients(unstopped.asOutput(), new Output<?>[] {z.asOutput()});
            try (var r = s.runner().fetch(grads[0]).fetch(grads[1]).fetch(plain[0]).run()) {
                double towardsP = sumAbs(Tensors.toFloats((TFloat32) r.get(0)));
                double towardsZ = sumAbs(Tensors.toFloats((TFloat32) r.get(1)));
                double withoutStop = sumAbs(Tensors.toFloats((TFloat32) r.get(2)));
                assertTrue(towardsP > 0.1, "the predictions get a gradient: " + towardsP);
                assertEquals(0, towardsZ, 0, "the targets get none");
                assertTrue(withoutStop > 0.1, "without stop-gradient z would get " + withoutStop);
            }
        }
    }

    @Test
    void identicalViewsGiveTheMinimum() {
        float[][] same = {{1, 2}, {-3, 1}, {1, 2}, {-3, 1}};
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> loss = SimSiam.loss(tf, tf.constant(same), tf.constant(same));
            try (var r = s.runner().fetch(loss).run()) {
                assertEquals(-1, ((TFloat32) r.get(0)).getFloat(), 1e-6);
            }
        }
    }

    private static double sumAbs(float[] v) {
        double s = 0;
        for (float f : v) {
            s += Math.abs(f);
        }
        return s;
    }
}
