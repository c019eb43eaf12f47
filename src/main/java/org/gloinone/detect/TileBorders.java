package org.gloinone.detect;

/**
 * Which sides of a tile have a neighbouring tile that is also analysed, and how far tiles overlap.
 * CircleNet drops a circle that touches a tile border when the neighbour across that border holds it
 * whole; with an overlap of at least the circle's diameter, the neighbour does.
 *
 * @param left          a neighbour is analysed on the left
 * @param top           a neighbour is analysed above
 * @param right         a neighbour is analysed on the right
 * @param bottom        a neighbour is analysed below
 * @param overlapPixels the minimum overlap with the neighbours, in network input pixels
 */
public record TileBorders(boolean left, boolean top, boolean right, boolean bottom, int overlapPixels) {
    /** A tile with no neighbours: nothing is dropped. */
    public static final TileBorders NONE = new TileBorders(false, false, false, false, 0);

    /** A circle closer to a border than this (input pixels) touches it. */
    static final double TOUCH_MARGIN = 1.0;

    /**
     * Whether a circle found in the tile is kept: it is dropped when it touches a border whose
     * neighbour is analysed and is small enough to lie whole in that neighbour.
     *
     * @param x          centre x in tile input pixels
     * @param y          centre y in tile input pixels
     * @param radius     radius in tile input pixels
     * @param tilePixels tile edge in input pixels
     */
    public boolean keeps(double x, double y, double radius, int tilePixels) {
        if (2 * radius > overlapPixels) {
            return true; // no neighbour holds it whole; keep it and let NMS merge the copies
        }
        boolean touchesLeft = x - radius < TOUCH_MARGIN;
        boolean touchesTop = y - radius < TOUCH_MARGIN;
        boolean touchesRight = x + radius > tilePixels - TOUCH_MARGIN;
        boolean touchesBottom = y + radius > tilePixels - TOUCH_MARGIN;
        return !((left && touchesLeft) || (top && touchesTop) || (right && touchesRight) || (bottom && touchesBottom));
    }
}
