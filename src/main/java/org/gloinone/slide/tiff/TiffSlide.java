package org.gloinone.slide.tiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;

/**
 * A slide read by the built-in TIFF reader. The file's directory structure is parsed once at open;
 * a region read then fetches and decodes only the tiles it touches, through a small LRU cache of
 * decoded tiles. Reads are thread-safe: file access is positional and decoders are pooled.
 */
public final class TiffSlide implements Slide {
    /** Decoded tiles kept: 16 M px (64 MB), e.g. 64 tiles of 512 x 512. */
    static final long DEFAULT_CACHE_PIXELS = 16L << 20;
    /** Largest region (or associated image) returned at once: 256 M px, i.e. 1 GB of ARGB. */
    private static final long MAX_REGION_PIXELS = 1L << 28;

    private final TiffInput in;
    private final PyramidLayout layout;
    private final List<SlideLevel> levels;
    private final TileCache cache;
    private final ChunkDecoder decoder = new ChunkDecoder();
    private volatile boolean closed;

    TiffSlide(TiffInput in, PyramidLayout layout, long cachePixels) {
        this.in = in;
        this.layout = layout;
        this.cache = new TileCache(cachePixels);
        TiffImage base = layout.levels.get(0).image();
        List<SlideLevel> list = new ArrayList<>();
        for (PyramidLayout.Part p : layout.levels) {
            // As OpenSlide: the mean of the width and height ratios, so rounded level sizes average out.
            double ds = p == layout.levels.get(0) ? 1.0
                    : ((double) base.width / p.image().width + (double) base.height / p.image().height) / 2;
            list.add(new SlideLevel(p.image().width, p.image().height, Math.max(1.0, ds)));
        }
        this.levels = Collections.unmodifiableList(list);
    }

    @Override
    public Path path() {
        return in.path();
    }

    @Override
    public String backendName() {
        return TiffSlideBackend.NAME;
    }

    @Override
    public String formatName() {
        return layout.format;
    }

    @Override
    public List<SlideLevel> levels() {
        return levels;
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return layout.micronsX;
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return layout.micronsY;
    }

    @Override
    public OptionalDouble objectiveMagnification() {
        return layout.magnification;
    }

    @Override
    public Set<String> associatedImageNames() {
        Set<String> names = new LinkedHashSet<>(layout.associated.keySet());
        names.addAll(layout.undecodableAssociated.keySet());
        return Collections.unmodifiableSet(names);
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        PyramidLayout.Part part = layout.associated.get(name);
        SlideException problem = layout.undecodableAssociated.get(name);
        if (problem != null) {
            throw new SlideException(path(), "the " + name + " image cannot be decoded: "
                    + problem.getMessage().substring(path().getFileName().toString().length() + 2), problem);
        }
        if (part == null) {
            throw new SlideException(path(), "has no associated image named '" + name + "' (it has "
                    + associatedImageNames() + ")");
        }
        TiffImage image = part.image();
        return read(part, 0, 0, image.width, image.height);
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException("level " + level + " does not exist; the slide has "
                    + levels.size() + " levels");
        }
        return read(layout.levels.get(level), x, y, width, height);
    }

    @Override
    public boolean isEmpty(int level, long x, long y, long width, long height) {
        if (level < 0 || level >= levels.size() || width < 1 || height < 1) {
            return false;
        }
        TiffImage image = layout.levels.get(level).image();
        long x0 = Math.max(0, x);
        long y0 = Math.max(0, y);
        long x1 = Math.min(image.width, x + width);
        long y1 = Math.min(image.height, y + height);
        if (x0 >= x1 || y0 >= y1) {
            return true;
        }
        for (long row = y0 / image.chunkHeight; row <= (y1 - 1) / image.chunkHeight; row++) {
            for (long col = x0 / image.chunkWidth; col <= (x1 - 1) / image.chunkWidth; col++) {
                if (image.byteCounts[(int) (row * image.chunksAcross + col)] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private ArrayImg<ARGBType, IntArray> read(PyramidLayout.Part part, long x, long y, int width, int height)
            throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("region size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height > MAX_REGION_PIXELS) {
            throw new IllegalArgumentException("region " + width + "x" + height + " is larger than "
                    + MAX_REGION_PIXELS + " px; read it in pieces");
        }
        if (closed) {
            throw new SlideException(path(), "the slide is closed");
        }
        TiffImage image = part.image();
        int[] out = new int[width * height];
        long x0 = Math.max(0, x);
        long y0 = Math.max(0, y);
        long x1 = Math.min(image.width, x + width);
        long y1 = Math.min(image.height, y + height);
        if (x0 < x1 && y0 < y1) {
            int col0 = (int) (x0 / image.chunkWidth);
            int col1 = (int) ((x1 - 1) / image.chunkWidth);
            int row0 = (int) (y0 / image.chunkHeight);
            int row1 = (int) ((y1 - 1) / image.chunkHeight);
            int cols = col1 - col0 + 1;
            int count = cols * (row1 - row0 + 1);
            int[][] tiles = new int[count][];
            if (count == 1) {
                tiles[0] = chunk(part, col0, row0);
            } else {
                // Tiles decode independently: spread them over the cores.
                try {
                    IntStream.range(0, count).parallel().forEach(i -> {
                        try {
                            tiles[i] = chunk(part, col0 + i % cols, row0 + i / cols);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            for (int i = 0; i < count; i++) {
                copyChunk(image, tiles[i], col0 + i % cols, row0 + i / cols, x, y, width, x0, y0, x1, y1, out);
            }
        }
        return ArrayImgs.argbs(out, width, height);
    }

    /** Copies the part of one tile that lies inside the clipped region [x0,x1) x [y0,y1). */
    private static void copyChunk(TiffImage image, int[] tile, int col, int row, long x, long y, int width,
                                  long x0, long y0, long x1, long y1, int[] out) {
        if (tile == null) {
            return;
        }
        long tx = (long) col * image.chunkWidth;
        long ty = (long) row * image.chunkHeight;
        long cx0 = Math.max(x0, tx);
        long cx1 = Math.min(x1, tx + image.chunkWidth);
        long cy0 = Math.max(y0, ty);
        long cy1 = Math.min(y1, ty + image.rowsIn(row));
        int n = (int) (cx1 - cx0);
        for (long yy = cy0; yy < cy1; yy++) {
            int src = (int) ((yy - ty) * image.chunkWidth + (cx0 - tx));
            int dst = (int) ((yy - y) * width + (cx0 - x));
            System.arraycopy(tile, src, out, dst, n);
        }
    }

    /** A decoded tile, from the cache or the file; null for a tile the file leaves empty. */
    private int[] chunk(PyramidLayout.Part part, int col, int row) throws IOException {
        TiffImage image = part.image();
        int index = row * image.chunksAcross + col;
        TileCache.Key key = new TileCache.Key(part.id(), index);
        int[] tile = cache.get(key);
        if (tile != null) {
            return tile;
        }
        long count = image.byteCounts[index];
        if (count == 0) {
            return null;
        }
        String where = part.name() + " " + (image.tiled ? "tile " + col + "," + row : "strip " + row);
        int rows = image.rowsIn(row);
        long rawBytes = (long) image.chunkWidth * rows * image.samplesPerPixel;
        if (image.compression == TiffImage.COMPRESSION_NONE) {
            count = Math.min(count, rawBytes);
        } else if (count > 2 * rawBytes + (1 << 20)) {
            throw new SlideException(path(), where + " claims " + count + " stored bytes for " + rawBytes
                    + " bytes of pixels; the file is corrupt");
        }
        ByteBuffer buffer = in.read(image.offsets[index], (int) count, where);
        try {
            tile = decoder.decode(image, buffer.array(), rows);
        } catch (SlideException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders may throw without a message (e.g. an array index past the data): name the error then.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new SlideException(path(), where + " is corrupt (" + why + ")", e);
        }
        cache.put(key, tile);
        return tile;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cache.clear();
        decoder.close();
        in.close();
    }

    @Override
    public String toString() {
        return "TiffSlide[" + path().getFileName() + ", " + layout.format + ", " + levels.size() + " levels]";
    }
}
