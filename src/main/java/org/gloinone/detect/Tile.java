package org.gloinone.detect;

/**
 * One detector tile: a square of the slide in level-0 pixels that is read and resampled to
 * {@code sizePixels x sizePixels} network input pixels.
 *
 * @param index      position in the plan's row-major order, from 0
 * @param column     grid column, from 0
 * @param row        grid row, from 0
 * @param x0         left edge in level-0 pixels (may be fractional)
 * @param y0         top edge in level-0 pixels
 * @param size0      edge in level-0 pixels
 * @param sizePixels edge in network input pixels
 */
public record Tile(int index, int column, int row, double x0, double y0, double size0, int sizePixels) {
    public Tile {
        if (!(size0 > 0) || sizePixels < 1) {
            throw new IllegalArgumentException("tile size must be positive, got " + size0 + " / " + sizePixels);
        }
    }

    /** Level-0 pixels per network input pixel. */
    public double scale() {
        return size0 / sizePixels;
    }

    /** Right edge in level-0 pixels (exclusive). */
    public double x1() {
        return x0 + size0;
    }

    /** Bottom edge in level-0 pixels (exclusive). */
    public double y1() {
        return y0 + size0;
    }
}
