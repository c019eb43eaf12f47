package org.gloinone.slide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.ARGBType;

/**
 * One pyramid level of a {@link Slide} as an ImgLib2 image ({@code RandomAccessibleInterval<ARGBType>}) that
 * reads nothing until a pixel is asked for: the level is cut into square tiles, a tile is read with
 * {@link Slide#readRegion} when first touched, and the most recently used tiles stay in memory. So a script can
 * crop ({@code Views.interval}) or iterate a gigapixel level in bounded memory.
 * <p>
 * The view reads through the slide it was made from; it is valid until that slide is closed. A read that fails
 * surfaces as an {@link UncheckedIOException} naming the file, from the pixel access that needed it.
 */
public final class LevelView {
    /** Default tile side in pixels: 512 x 512 ARGB is 1 MiB. */
    public static final int DEFAULT_TILE = 512;
    /** Default number of tiles kept: 64 MiB at the default tile size. */
    public static final int DEFAULT_CACHED_TILES = 64;

    private LevelView() {
    }

    /** Level {@code level} of {@code slide} with the default tile size and cache. */
    public static Img<ARGBType> of(Slide slide, int level) {
        return of(slide, level, DEFAULT_TILE, DEFAULT_CACHED_TILES);
    }

    /**
     * @param tile        tile side in pixels, at least 16
     * @param cachedTiles most tiles kept in memory, at least 1
     */
    public static Img<ARGBType> of(Slide slide, int level, int tile, int cachedTiles) {
        if (level < 0 || level >= slide.levels().size()) {
            throw new IllegalArgumentException("level must be in [0, " + (slide.levels().size() - 1) + "], got "
                    + level);
        }
        if (tile < 16) {
            throw new IllegalArgumentException("tile must be >= 16, got " + tile);
        }
        if (cachedTiles < 1) {
            throw new IllegalArgumentException("cachedTiles must be >= 1, got " + cachedTiles);
        }
        SlideLevel l = slide.levels().get(level);
        CellGrid grid = new CellGrid(new long[] {l.width(), l.height()}, new int[] {tile, tile});
        return new LazyCellImg<>(grid, new ARGBType(), new TileCache(slide, level, grid, cachedTiles));
    }

    /** Tiles by cell index, read on first use and kept least-recently-used first out. */
    static final class TileCache implements LazyCellImg.Get<Cell<IntArray>> {
        private final Slide slide;
        private final int level;
        private final CellGrid grid;
        private final Map<Long, Cell<IntArray>> tiles;
        private long reads;

        TileCache(Slide slide, int level, CellGrid grid, int capacity) {
            this.slide = slide;
            this.level = level;
            this.grid = grid;
            this.tiles = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Cell<IntArray>> eldest) {
                    return size() > capacity;
                }
            };
        }

        @Override
        public synchronized Cell<IntArray> get(long index) {
            Cell<IntArray> cell = tiles.get(index);
            if (cell == null) {
                cell = read(index);
                tiles.put(index, cell);
            }
            return cell;
        }

        /** How many tiles were read from the slide so far. */
        synchronized long reads() {
            return reads;
        }

        private Cell<IntArray> read(long index) {
            long[] min = new long[2];
            int[] size = new int[2];
            grid.getCellDimensions(index, min, size);
            try {
                int[] argb = slide.readRegion(level, min[0], min[1], size[0], size[1]).update(null)
                        .getCurrentStorageArray();
                reads++;
                return new Cell<>(size, min, new IntArray(argb));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
