package org.gloinone.segment;

import java.util.Arrays;

/**
 * A simple closed polygon in level-0 pixel coordinates (the first vertex is not repeated at the end).
 *
 * @param xs vertex x coordinates
 * @param ys vertex y coordinates
 */
public record Outline(double[] xs, double[] ys) {
    public Outline {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("an outline needs >= 3 vertices with x and y, got "
                    + xs.length + " and " + ys.length);
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** Number of vertices. */
    public int size() {
        return xs.length;
    }

    /** Vertex x coordinates (a copy). */
    @Override
    public double[] xs() {
        return xs.clone();
    }

    /** Vertex y coordinates (a copy). */
    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** x of vertex {@code i}. */
    public double x(int i) {
        return xs[i];
    }

    /** y of vertex {@code i}. */
    public double y(int i) {
        return ys[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outline other && Arrays.equals(xs, other.xs) && Arrays.equals(ys, other.ys);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "Outline[" + xs.length + " vertices]";
    }
}
