package org.gloinone.train;

import java.util.List;

import org.gloinone.detect.Circle;

/**
 * A detector training or validation image with its glomerulus circles.
 *
 * @param image   RGB in 0-1
 * @param circles glomeruli in pixels (continuous coordinates)
 */
public record DetectorScene(FloatImage image, List<Circle> circles) {
    public DetectorScene {
        circles = List.copyOf(circles);
    }
}
