package org.gloinone.eval;

import java.util.Arrays;

/**
 * A binary image: which pixels belong to the object (glomerulus). Row-major, {@code width x height}.
 * Immutable: the constructor copies the pixels.
 */
public final class BinaryMask {
    /** A pixel is foreground when any of its R, G, B channels exceeds this value (antialiased masks). */
    public static final int CHANNEL_THRESHOLD = 127;

    private final int width;
    private final int height;
    private final boolean[] pixels;

    /**
     * Creates a mask from row-major pixels.
     *
     * @throws IllegalArgumentException if the size is not positive or the array has the wrong length
     */
    public BinaryMask(int width, int height, boolean[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != (long) width * height) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + (long) width * height
                    + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels.clone();
    }

    /**
     * The mask of packed ARGB pixels: foreground where any of R, G, B is above {@value #CHANNEL_THRESHOLD}
     * (alpha is not looked at), as the dataset layouts define it.
     */
    public static BinaryMask fromArgb(int width, int height, int[] argb) {
        boolean[] p = new boolean[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int v = argb[i];
            p[i] = ((v >> 16) & 0xff) > CHANNEL_THRESHOLD || ((v >> 8) & 0xff) > CHANNEL_THRESHOLD
                    || (v & 0xff) > CHANNEL_THRESHOLD;
        }
        return new BinaryMask(width, height, p);
    }

    /** The mask of probabilities: foreground where the value is strictly above {@code threshold}. */
    public static BinaryMask fromProbabilities(int width, int height, float[] probabilities, double threshold) {
        boolean[] p = new boolean[probabilities.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilities[i] > threshold;
        }
        return new BinaryMask(width, height, p);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Whether pixel ({@code x}, {@code y}) is foreground; false outside the mask. */
    public boolean get(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x];
    }

    /** Number of foreground pixels. */
    public long count() {
        long n = 0;
        for (boolean b : pixels) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** A copy of the row-major pixels. */
    public boolean[] pixels() {
        return pixels.clone();
    }

    boolean at(int index) {
        return pixels[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryMask m && m.width == width && m.height == height && Arrays.equals(m.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "BinaryMask[" + width + "x" + height + ", " + count() + " foreground]";
    }
}
