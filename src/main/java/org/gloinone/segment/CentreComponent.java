package org.gloinone.segment;

/**
 * Picks one glomerulus out of a binary mask: the 8-connected component that contains a given point
 * (the circle centre), or, when the point lies on background, the component with the pixel nearest to
 * it (ties go to the component met first in row-major order).
 */
public final class CentreComponent {
    private CentreComponent() {
    }

    /**
     * The chosen component as a mask of the same size, or null when the mask is empty.
     *
     * @param mask   foreground pixels, row-major
     * @param width  mask width
     * @param height mask height
     * @param x      point x in mask pixels (continuous: pixel i covers [i, i+1))
     * @param y      point y in mask pixels
     */
    public static boolean[] select(boolean[] mask, int width, int height, double x, double y) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + width + "x" + height);
        }
        int[] labels = new int[mask.length];
        int[] stack = new int[mask.length];
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] && labels[i] == 0) {
                flood(mask, labels, stack, width, height, i, ++count);
            }
        }
        if (count == 0) {
            return null;
        }
        int px = (int) Math.floor(x);
        int py = (int) Math.floor(y);
        int chosen = 0;
        if (px >= 0 && px < width && py >= 0 && py < height) {
            chosen = labels[py * width + px];
        }
        if (chosen == 0) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < mask.length; i++) {
                if (labels[i] != 0) {
                    double dx = i % width + 0.5 - x;
                    double dy = i / width + 0.5 - y;
                    double d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        chosen = labels[i];
                    }
                }
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = labels[i] == chosen;
        }
        return out;
    }

    private static void flood(boolean[] mask, int[] labels, int[] stack, int width, int height, int seed, int label) {
        int top = 0;
        labels[seed] = label;
        stack[top++] = seed;
        while (top > 0) {
            int i = stack[--top];
            int x = i % width;
            int y = i / width;
            for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
                for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
                    int j = ny * width + nx;
                    if (mask[j] && labels[j] == 0) {
                        labels[j] = label;
                        stack[top++] = j;
                    }
                }
            }
        }
    }
}
