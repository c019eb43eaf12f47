package org.gloinone.eval;

import org.gloinone.detect.Circle;

/**
 * The exact overlap of two circles (CircleNet's circle IoU), from the area of their lens.
 */
public final class CircleOverlap {
    private CircleOverlap() {
    }

    /** Area shared by two circles, exact (circular-segment formula). */
    public static double intersectionArea(Circle a, Circle b) {
        double r1 = a.radius();
        double r2 = b.radius();
        double d = Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
        if (d >= r1 + r2) {
            return 0;
        }
        if (d <= Math.abs(r1 - r2)) {
            double r = Math.min(r1, r2);
            return Math.PI * r * r;
        }
        // Each circle contributes a circular segment: r^2 * acos(...) sectors minus the kite between centres.
        double c1 = clamp((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
        double c2 = clamp((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
        double kite = 0.5 * Math.sqrt(Math.max(0, (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)));
        return r1 * r1 * Math.acos(c1) + r2 * r2 * Math.acos(c2) - kite;
    }

    /** Intersection over union of two circles, in [0, 1]. */
    public static double iou(Circle a, Circle b) {
        double inter = intersectionArea(a, b);
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : Math.min(1.0, inter / union);
    }

    private static double clamp(double c) {
        return Math.max(-1.0, Math.min(1.0, c));
    }
}
