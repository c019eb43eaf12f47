package org.gloinone.train;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.eval.BinaryMask;
import org.gloinone.eval.ConnectedComponents;
import org.gloinone.eval.MaskComponent;

/** The glomeruli of a training mask as CircleNet targets: the circle around each component's bounding box. */
public final class MaskComponents {
    private MaskComponents() {
    }

    /**
     * Circles around the components of {@code mask} (first channel above 0.5; 8-connected, as the evaluation
     * counts them) of at least {@code minArea} pixels: centre at the bounding-box centre, radius half the longer
     * box side, which encloses the glomerulus as CircleNet's boxes do.
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
                .map(MaskComponents::boxCircle)
                .toList();
    }

    private static Circle boxCircle(MaskComponent c) {
        return new Circle(c.left() + c.boxWidth() / 2.0, c.top() + c.boxHeight() / 2.0,
                Math.max(c.boxWidth(), c.boxHeight()) / 2.0);
    }
}
