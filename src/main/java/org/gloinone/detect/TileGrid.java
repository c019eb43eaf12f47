package org.gloinone.detect;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.model.DetectConfig;

/**
 * The detector's tile plan over a slide, made in physical units: tiles of {@code tileMicrons} at the
 * detector's um/px, overlapping by at least {@code overlapMicrons} (at least the largest glomerulus, so
 * every glomerulus lies whole in some tile, as in QuPath's tiled detection). The last tile of a row or
 * column is pulled back to end at the slide's edge instead of hanging over it; only a slide smaller than
 * one tile is padded. Positions are fractional level-0 pixels, so non-integer pyramid downsamples are
 * honoured exactly; each tile is read from the level just finer than the model's resolution and resampled.
 */
public final class TileGrid {
    private final List<Tile> tiles;
    private final int columns;
    private final int rows;
    private final int tilePixels;
    private final int overlapPixels;
    private final double scale;

    private TileGrid(List<Tile> tiles, int columns, int rows, int tilePixels, int overlapPixels, double scale) {
        this.tiles = List.copyOf(tiles);
        this.columns = columns;
        this.rows = rows;
        this.tilePixels = tilePixels;
        this.overlapPixels = overlapPixels;
        this.scale = scale;
    }

    /**
     * Plans tiles from a detector's settings.
     *
     * @param width0              slide level-0 width in pixels
     * @param height0             slide level-0 height in pixels
     * @param slideMicronsPerPixel level-0 um/px of the slide
     * @param modelMicronsPerPixel the detector's input um/px
     */
    public static TileGrid plan(long width0, long height0, double slideMicronsPerPixel,
                                double modelMicronsPerPixel, DetectConfig config) {
        return plan(width0, height0, slideMicronsPerPixel, modelMicronsPerPixel,
                config.tileMicrons(), config.overlapMicrons());
    }

    /**
     * Plans tiles of {@code tileMicrons} overlapping by at least {@code overlapMicrons}.
     *
     * @throws IllegalArgumentException if a size is not positive or the overlap leaves no step
     */
    public static TileGrid plan(long width0, long height0, double slideMicronsPerPixel,
                                double modelMicronsPerPixel, double tileMicrons, double overlapMicrons) {
        if (width0 < 1 || height0 < 1) {
            throw new IllegalArgumentException("slide size must be positive, got " + width0 + "x" + height0);
        }
        if (!(slideMicronsPerPixel > 0) || !(modelMicronsPerPixel > 0)) {
            throw new IllegalArgumentException("um/px must be > 0, got slide " + slideMicronsPerPixel
                    + " and model " + modelMicronsPerPixel);
        }
        int tile = (int) Math.round(tileMicrons / modelMicronsPerPixel);
        int overlap = (int) Math.ceil(overlapMicrons / modelMicronsPerPixel - 1e-9);
        if (tile < 1 || overlap < 0 || overlap >= tile) {
            throw new IllegalArgumentException("tile " + tileMicrons + " um with overlap " + overlapMicrons
                    + " um at " + modelMicronsPerPixel + " um/px gives " + tile + " px tiles overlapping by "
                    + overlap + " px; the overlap must be smaller than the tile");
        }
        double scale = modelMicronsPerPixel / slideMicronsPerPixel; // level-0 px per model px
        double[] xs = starts(width0 / scale, tile, tile - overlap);
        double[] ys = starts(height0 / scale, tile, tile - overlap);
        List<Tile> tiles = new ArrayList<>(xs.length * ys.length);
        for (int r = 0; r < ys.length; r++) {
            for (int c = 0; c < xs.length; c++) {
                tiles.add(new Tile(tiles.size(), c, r, xs[c] * scale, ys[r] * scale, tile * scale, tile));
            }
        }
        return new TileGrid(tiles, xs.length, ys.length, tile, overlap, scale);
    }

    /** Tile starts along one axis in model pixels: a regular step, the last one flush with the end. */
    private static double[] starts(double extent, int tile, int step) {
        if (extent <= tile) {
            return new double[] {0};
        }
        int n = (int) Math.ceil((extent - tile) / step) + 1;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min((double) i * step, extent - tile);
        }
        return s;
    }

    /** All tiles in row-major order. */
    public List<Tile> tiles() {
        return tiles;
    }

    /** Number of tile columns. */
    public int columns() {
        return columns;
    }

    /** Number of tile rows. */
    public int rows() {
        return rows;
    }

    /** Tile edge in network input pixels. */
    public int tilePixels() {
        return tilePixels;
    }

    /** The promised minimum overlap between neighbouring tiles, in network input pixels. */
    public int overlapPixels() {
        return overlapPixels;
    }

    /** Level-0 pixels per network input pixel. */
    public double scale() {
        return scale;
    }

    /** The tile at a grid position. */
    public Tile tileAt(int column, int row) {
        return tiles.get(row * columns + column);
    }
}
