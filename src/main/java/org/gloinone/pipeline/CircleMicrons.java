package org.gloinone.pipeline;

import org.gloinone.detect.Circle;

/**
 * A circle in micrometres, measured from the slide's top-left corner.
 *
 * @param centerX centre x in um
 * @param centerY centre y in um
 * @param radius  radius in um
 */
public record CircleMicrons(double centerX, double centerY, double radius) {

    /**
     * A level-0 circle on a slide of {@code micronsPerPixel}.
     *
     * @throws IllegalArgumentException if um/px is not positive
     */
    public static CircleMicrons of(Circle circle, double micronsPerPixel) {
        if (!(micronsPerPixel > 0) || Double.isInfinite(micronsPerPixel)) {
            throw new IllegalArgumentException("um/px must be > 0, got " + micronsPerPixel);
        }
        return new CircleMicrons(circle.centerX() * micronsPerPixel, circle.centerY() * micronsPerPixel,
                circle.radius() * micronsPerPixel);
    }

    /** Diameter in um. */
    public double diameter() {
        return 2 * radius;
    }
}
