package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class LossesTest {

    private static float eval(Function<Ops, Operand<TFloat32>> build) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> loss = build.apply(tf);
            try (var r = s.runner().fetch(loss).run()) {
                return ((TFloat32) r.get(0)).getFloat();
            }
        }
    }

    private static Operand<TFloat32> t(Ops tf, float[] v, long... shape) {
        return tf.reshape(tf.constant(v), tf.constant(shape));
    }

    @Test
    void heatmapFocalMatchesHandComputation() {
        // logits 0 -> p = 0.5. Centre cell (y = 1): -(1-p)^2 log p = 0.25 * ln 2.
        // Cell with y = 0.5: -(1-y)^4 p^2 log(1-p) = 0.0625 * 0.25 * ln 2. One positive.
        double expected = 0.25 * Math.log(2) + 0.0625 * 0.25 * Math.log(2);
        float got = eval(tf -> Losses.heatmapFocal(tf, t(tf, new float[] {0, 0}, 1, 1, 2, 1),
                t(tf, new float[] {1, 0.5f}, 1, 1, 2, 1)));
        assertEquals(expected, got, 1e-5);
    }

    @Test
    void heatmapFocalIsSmallForConfidentCorrectLogits() {
        // logits +10 at the centre, -10 elsewhere: loss ~ 0
        float got = eval(tf -> Losses.heatmapFocal(tf, t(tf, new float[] {10, -10, -10}, 1, 1, 3, 1),
                t(tf, new float[] {1, 0.2f, 0}, 1, 1, 3, 1)));
        assertEquals(0, got, 1e-3);
    }

    @Test
    void maskedL1AveragesOverCentresOnly() {
        // |1-0| + |3-5| at the two masked cells, over 2 cells
        float got = eval(tf -> Losses.maskedL1(tf, t(tf, new float[] {1, 2, 3}, 1, 1, 3, 1),
                t(tf, new float[] {0, 9, 5}, 1, 1, 3, 1), t(tf, new float[] {1, 0, 1}, 1, 1, 3, 1)));
        assertEquals(1.5, got, 1e-6);
    }

    @Test
    void classFocalMatchesHandComputation() {
        // two classes, equal logits: p = 0.5; -(0.5^2.5) ln 0.5
        double expected = Math.pow(0.5, 2.5) * Math.log(2);
        float got = eval(tf -> Losses.classFocal(tf, t(tf, new float[] {0, 0}, 1, 2),
                t(tf, new float[] {1, 0}, 1, 2), 2.5f));
        assertEquals(expected, got, 1e-6);
        // gamma 0 is the cross-entropy: logits (2, 0) target class 1: ln(1 + e^2)
        float ce = eval(tf -> Losses.classFocal(tf, t(tf, new float[] {2, 0}, 1, 2),
                t(tf, new float[] {0, 1}, 1, 2), 0f));
        assertEquals(Math.log(1 + Math.exp(2)), ce, 1e-5);
    }

    @Test
    void bceDiceMatchesHandComputation() {
        // logits 0: BCE = ln 2 per pixel; p = 0.5: Dice = (2 * 0.5 + 1) / (1 + 1 + 1) = 2/3
        double expected = Math.log(2) + (1 - 2.0 / 3);
        float got = eval(tf -> Losses.bceDice(tf, t(tf, new float[] {0, 0}, 1, 1, 2, 1),
                t(tf, new float[] {1, 0}, 1, 1, 2, 1)));
        assertEquals(expected, got, 1e-5);
    }
}
