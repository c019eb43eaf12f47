package org.gloinone.slide.tiff;

/**
 * One level of a pyramid being written: a band of one tile row of pixels, filled row by row, plus the
 * offsets and byte counts of the tiles written so far. A level is {@code floor(w/2) x floor(h/2)} of the
 * level above; each pixel is the rounded mean of a 2x2 block.
 */
final class PyramidLevelBand {
    final int width;
    final int height;
    final int tile;
    final int across;
    final long[] offsets;
    final long[] byteCounts;
    final int[] band;
    /** Image row of the band's first row. */
    int bandY;
    /** Rows of the band filled so far. */
    int filled;

    PyramidLevelBand(int width, int height, int tile) {
        this.width = width;
        this.height = height;
        this.tile = tile;
        this.across = (width + tile - 1) / tile;
        int down = (height + tile - 1) / tile;
        this.offsets = new long[across * down];
        this.byteCounts = new long[across * down];
        this.band = new int[width * tile];
    }

    /** Rows this band holds when complete: a full tile row, or what is left of the image. */
    int rowsWanted() {
        return Math.min(tile, height - bandY);
    }

    boolean isFull() {
        return filled == rowsWanted();
    }

    /** Index of the tile row the band holds. */
    int tileRow() {
        return bandY / tile;
    }

    /** The band's tile at {@code col} as a square tile, edge pixels repeated into the padding. */
    int[] tile(int col) {
        int[] out = new int[tile * tile];
        int x0 = col * tile;
        int w = Math.min(tile, width - x0);
        for (int r = 0; r < tile; r++) {
            int src = Math.min(r, filled - 1) * width + x0;
            System.arraycopy(band, src, out, r * tile, w);
            int edge = out[r * tile + w - 1];
            for (int c = w; c < tile; c++) {
                out[r * tile + c] = edge;
            }
        }
        return out;
    }

    /**
     * Adds the 2x2 means of rows {@code r} and {@code r+1} of {@code above}'s band as this level's next row.
     */
    void addHalvedRow(PyramidLevelBand above, int r) {
        int[] src = above.band;
        int a = r * above.width;
        int b = a + above.width;
        int o = filled * width;
        for (int x = 0; x < width; x++, a += 2, b += 2) {
            int p = src[a];
            int q = src[a + 1];
            int s = src[b];
            int t = src[b + 1];
            int red = (((p >> 16) & 0xff) + ((q >> 16) & 0xff) + ((s >> 16) & 0xff) + ((t >> 16) & 0xff) + 2) >> 2;
            int green = (((p >> 8) & 0xff) + ((q >> 8) & 0xff) + ((s >> 8) & 0xff) + ((t >> 8) & 0xff) + 2) >> 2;
            int blue = ((p & 0xff) + (q & 0xff) + (s & 0xff) + (t & 0xff) + 2) >> 2;
            band[o + x] = 0xff000000 | red << 16 | green << 8 | blue;
        }
        filled++;
    }

    /** Starts the next tile row. */
    void advance() {
        bandY += filled;
        filled = 0;
    }
}
