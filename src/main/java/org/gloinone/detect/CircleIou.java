package org.gloinone.detect;

/**
 * Exact intersection-over-union of two circles, from the area of their lens-shaped intersection.
 * CircleNet (Nguyen et al., 2021) uses this circle IoU instead of box IoU for matching and suppression.
 */
public final class CircleIou {
    private CircleIou() {
    }

    /** The intersection over union of {@code a} and {@code b}, in [0, 1]. */
    public static double of(Circle a, Circle b) {
        double intersection = intersectionArea(a, b);
        double union = a.area() + b.area() - intersection;
        return union > 0 ? Math.min(1.0, intersection / union) : 0;
    }

    /** The area common to both circles (square level-0 pixels). */
    public static double intersectionArea(Circle a, Circle b) {
        double d = Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
        double r1 = a.radius();
        double r2 = b.radius();
        if (d >= r1 + r2) {
            return 0; // disjoint or tangent from outside
        }
        double small = Math.min(r1, r2);
        if (d <= Math.abs(r1 - r2)) {
            return Math.PI * small * small; // one contains the other
        }
        // Sum of the two circular segments cut off by the common chord.
        double alpha = Math.acos(clamp((d * d + r1 * r1 - r2 * r2) / (2 * d * r1)));
        double beta = Math.acos(clamp((d * d + r2 * r2 - r1 * r1) / (2 * d * r2)));
        double segments = r1 * r1 * (alpha - Math.sin(2 * alpha) / 2) + r2 * r2 * (beta - Math.sin(2 * beta) / 2);
        return Math.max(0, Math.min(segments, Math.PI * small * small));
    }

    private static double clamp(double cos) {
        return Math.max(-1, Math.min(1, cos));
    }
}
