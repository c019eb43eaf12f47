package org.gloinone.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A small residual network for patch classification: a stride-2 stem, one residual stage per width (each
 * halving the size), global average pooling, dropout and a dense layer giving class logits.
 *
 * @param classes number of classes
 * @param dropout dropout rate before the dense layer
 * @param widths  channels of the stem and of each stage
 */
public record ResNetClassifier(int classes, float dropout, int... widths) {
    public ResNetClassifier {
        if (classes < 2 || widths.length < 2) {
            throw new IllegalArgumentException("need >= 2 classes and >= 2 widths");
        }
        widths = widths.clone();
    }

    /** Class logits [N,classes] for images [N,H,W,3]. */
    public Operand<TFloat32> logits(Layers l, Operand<TFloat32> image) {
        Operand<TFloat32> x = l.dropout(features(l, image), dropout);
        return l.dense("classes", x, classes);
    }

    /**
     * The backbone: pooled features [N, last width] for images [N,H,W,3]. Its variables are named as in
     * {@link #logits}, so weights pretrained on the backbone alone initialise the classifier.
     */
    public Operand<TFloat32> features(Layers l, Operand<TFloat32> image) {
        Operand<TFloat32> x = l.convBnRelu("stem", image, 3, widths[0], 2);
        for (int i = 1; i < widths.length; i++) {
            x = l.residual("stage" + i + "/block1", x, widths[i], 2);
            x = l.residual("stage" + i + "/block2", x, widths[i], 1);
        }
        return l.globalAveragePool(x);
    }

    /** Channels of the {@link #features}. */
    public int featureCount() {
        return widths[widths.length - 1];
    }
}
