package org.gloinone.io;

import org.gloinone.detect.Circle;
import org.gloinone.detect.EqualAreaCircle;
import org.gloinone.segment.Outline;

/**
 * Plane geometry of result shapes in level-0 pixels: circles as polygons, signed areas, perimeters
 * and the circle equivalent to a polygon.
 */
public final class Polygons {
    /** Vertices of a circle written as a polygon (GeoJSON has no circle type). */
    public static final int CIRCLE_VERTICES = 64;

    private Polygons() {
    }

    /**
     * The circle as a polygon of {@code n} vertices, starting at angle 0 (the point right of the centre)
     * and advancing so that the shoelace signed area is positive (see {@link #signedArea}).
     */
    public static Outline circleAsOutline(Circle c, int n) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            xs[i] = c.centerX() + c.radius() * Math.cos(a);
            ys[i] = c.centerY() + c.radius() * Math.sin(a);
        }
        return new Outline(xs, ys);
    }

    /**
     * The shoelace signed area, {@code 1/2 sum(x[i] y[i+1] - x[i+1] y[i])}. It is positive when the
     * vertices turn counter-clockwise in a y-up frame (RFC 7946's sense); in an image with y pointing
     * down the same ring appears clockwise on screen.
     */
    public static double signedArea(double[] xs, double[] ys) {
        double sum = 0;
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += xs[i] * ys[j] - xs[j] * ys[i];
        }
        return sum / 2;
    }

    /** Area of the polygon (absolute shoelace area). */
    public static double area(double[] xs, double[] ys) {
        return Math.abs(signedArea(xs, ys));
    }

    /** Length of the closed outline. */
    public static double perimeter(double[] xs, double[] ys) {
        double sum = 0;
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += Math.hypot(xs[j] - xs[i], ys[j] - ys[i]);
        }
        return sum;
    }

    /**
     * The circle with the polygon's area centroid and area; for a degenerate (zero-area) polygon,
     * the circle around the vertex bounding box.
     *
     * @throws IllegalArgumentException if the polygon has no extent at all
     */
    public static Circle equivalentCircle(double[] xs, double[] ys) {
        Circle c = EqualAreaCircle.ofPolygon(xs, ys);
        return c != null ? c : boundingCircle(xs, ys);
    }

    /** The circle centred in the vertices' bounding box, radius the mean of its half-width and half-height. */
    public static Circle boundingCircle(double[] xs, double[] ys) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double r = ((maxX - minX) + (maxY - minY)) / 4;
        if (!(r > 0)) {
            throw new IllegalArgumentException("shape has no extent: all vertices at " + minX + "," + minY);
        }
        return new Circle((minX + maxX) / 2, (minY + maxY) / 2, r);
    }
}
