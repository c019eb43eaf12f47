package org.gloinone.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The outer boundary of one mask component as a polygon. The boundary is traced along pixel edges
 * (so its area equals the pixel count and holes are ignored), then simplified with Douglas-Peucker to
 * within a tolerance, which also removes the staircase that would otherwise inflate the perimeter
 * by up to 4/pi. Coordinates are in mask pixels with pixel {@code (i, j)} covering [i, i+1) x [j, j+1).
 */
public final class MaskOutline {
    private MaskOutline() {
    }

    /**
     * Traces the outer boundary of the (8-connected) component in {@code mask} that holds its first
     * pixel in row-major order, clockwise on screen (y down), as polygon vertices at pixel corners,
     * starting at the top-left corner of that pixel.
     *
     * @return {@code {xs, ys}}, or null when the mask is empty
     */
    public static double[][] trace(boolean[] mask, int width, int height) {
        int start = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        int sx = start % width;
        int sy = start / width;
        List<int[]> corners = new ArrayList<>();
        // Walk the edges with the component on the right-hand side, starting east along the top edge
        // of the first pixel. Turning left first follows diagonal (8-connected) links.
        int x = sx;
        int y = sy;
        int dx = 1;
        int dy = 0;
        do {
            x += dx;
            y += dy;
            // Pixels ahead of the vertex, left and right of the direction of travel.
            boolean aheadLeft = inside(mask, width, height, x + (dx + dy - 1) / 2, y + (dy - dx - 1) / 2);
            boolean aheadRight = inside(mask, width, height, x + (dx - dy - 1) / 2, y + (dy + dx - 1) / 2);
            int ndx;
            int ndy;
            if (aheadLeft) {
                ndx = dy;
                ndy = -dx;
            } else if (aheadRight) {
                ndx = dx;
                ndy = dy;
            } else {
                ndx = -dy;
                ndy = dx;
            }
            if (ndx != dx || ndy != dy) {
                corners.add(new int[] {x, y});
            }
            dx = ndx;
            dy = ndy;
        } while (!(x == sx && y == sy && dx == 1 && dy == 0));
        // The walk ends by turning east at the start corner: list that corner first.
        corners.add(0, corners.remove(corners.size() - 1));
        double[] xs = new double[corners.size()];
        double[] ys = new double[corners.size()];
        for (int i = 0; i < corners.size(); i++) {
            xs[i] = corners.get(i)[0];
            ys[i] = corners.get(i)[1];
        }
        return new double[][] {xs, ys};
    }

    private static boolean inside(boolean[] mask, int width, int height, int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x];
    }

    /**
     * Simplifies a closed polygon with Douglas-Peucker so that every dropped vertex lies within
     * {@code tolerance} of the result. Keeps at least three vertices when the input has them.
     *
     * @return {@code {xs, ys}}
     */
    public static double[][] simplify(double[] xs, double[] ys, double tolerance) {
        int n = xs.length;
        if (n <= 3) {
            return new double[][] {xs.clone(), ys.clone()};
        }
        // Split the ring at vertex 0 and the vertex farthest from it, and simplify both chains.
        int far = 0;
        double farDistance = -1;
        for (int i = 1; i < n; i++) {
            double d = Math.hypot(xs[i] - xs[0], ys[i] - ys[0]);
            if (d > farDistance) {
                farDistance = d;
                far = i;
            }
        }
        boolean[] keep = new boolean[n + 1];
        keep[0] = true;
        keep[far] = true;
        keep[n] = true;
        double[] rx = new double[n + 1];
        double[] ry = new double[n + 1];
        System.arraycopy(xs, 0, rx, 0, n);
        System.arraycopy(ys, 0, ry, 0, n);
        rx[n] = xs[0];
        ry[n] = ys[0];
        douglasPeucker(rx, ry, 0, far, tolerance, keep);
        douglasPeucker(rx, ry, far, n, tolerance, keep);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += keep[i] ? 1 : 0;
        }
        if (kept < 3) {
            return new double[][] {xs.clone(), ys.clone()};
        }
        double[] ox = new double[kept];
        double[] oy = new double[kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                ox[k] = xs[i];
                oy[k++] = ys[i];
            }
        }
        return new double[][] {ox, oy};
    }

    private static void douglasPeucker(double[] xs, double[] ys, int first, int last, double tolerance,
                                       boolean[] keep) {
        // Iterative with an explicit stack: an outline can have thousands of vertices.
        int[] stack = new int[2 * (last - first + 1)];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double worst = -1;
            int worstIndex = -1;
            for (int i = a + 1; i < b; i++) {
                double d = distanceToSegment(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b]);
                if (d > worst) {
                    worst = d;
                    worstIndex = i;
                }
            }
            if (worstIndex >= 0 && worst > tolerance) {
                keep[worstIndex] = true;
                stack[top++] = a;
                stack[top++] = worstIndex;
                stack[top++] = worstIndex;
                stack[top++] = b;
            }
        }
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }
}
