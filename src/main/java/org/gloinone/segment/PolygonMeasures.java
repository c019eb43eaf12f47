package org.gloinone.segment;

import java.util.Arrays;

/** Area, perimeter and convex hull of simple polygons, in the polygon's own units. */
public final class PolygonMeasures {
    private PolygonMeasures() {
    }

    /** The enclosed area (shoelace formula), whatever the orientation. */
    public static double area(double[] xs, double[] ys) {
        double twice = 0;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            twice += xs[j] * ys[i] - xs[i] * ys[j];
        }
        return Math.abs(twice) / 2;
    }

    /** The length of the closed boundary. */
    public static double perimeter(double[] xs, double[] ys) {
        double length = 0;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            length += Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
        }
        return length;
    }

    /** The area of the convex hull (Andrew's monotone chain). */
    public static double convexHullArea(double[] xs, double[] ys) {
        int n = xs.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b]) : Double.compare(ys[a], ys[b]));
        int[] hull = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(xs, ys, hull[k - 2], hull[k - 1], order[i]) <= 0) {
                k--;
            }
            hull[k++] = order[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(xs, ys, hull[k - 2], hull[k - 1], order[i]) <= 0) {
                k--;
            }
            hull[k++] = order[i];
        }
        int m = Math.max(0, k - 1); // the last point repeats the first
        double[] hx = new double[m];
        double[] hy = new double[m];
        for (int i = 0; i < m; i++) {
            hx[i] = xs[hull[i]];
            hy[i] = ys[hull[i]];
        }
        return m < 3 ? 0 : area(hx, hy);
    }

    private static double cross(double[] xs, double[] ys, int o, int a, int b) {
        return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
    }
}
