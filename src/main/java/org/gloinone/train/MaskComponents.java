package org.gloinone.train;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.eval.BinaryMask;
import org.gloinone.eval.ConnectedComponents;
import org.gloinone.eval.MaskComponent;

/**
 * The glomeruli of a training mask as CircleNet targets. They are the evaluation's ground-truth circles
 * ({@link MaskComponent#equalAreaCircle()}), so that the detector learns the circle it is scored against.
 */
public final class MaskComponents {
    private MaskComponents() {
    }

    /**
     * The circles of the components of {@code mask} (first channel above 0.5; 8-connected, as the evaluation
     * counts them) of at least {@code minArea} pixels: centroid and equal-area radius, as the evaluation defines
     * them.
     */
    public static List<Circle> circles(FloatImage mask, int minArea) {
        int w = mask.width();
        int h = mask.height();
        float[] values = new float[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = mask.data()[i * mask.channels()];
        }
        return ConnectedComponents.of(BinaryMask.fromProbabilities(w, h, values, 0.5)).stream()
                .filter(c -> c.area() >= minArea)
                .map(MaskComponent::equalAreaCircle)
                .toList();
    }
}
