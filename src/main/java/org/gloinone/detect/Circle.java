package org.gloinone.detect;

/**
 * A circle in level-0 pixel coordinates of a slide.
 *
 * @param centerX centre x in level-0 pixels
 * @param centerY centre y in level-0 pixels
 * @param radius  radius in level-0 pixels, &gt; 0
 */
public record Circle(double centerX, double centerY, double radius) {
    public Circle {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException("circle centre must be finite, got " + centerX + "," + centerY);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("circle radius must be > 0, got " + radius);
        }
    }

    /** Area in square level-0 pixels. */
    public double area() {
        return Math.PI * radius * radius;
    }
}
