package org.gloinone.slide.tiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.gloinone.slide.Slide;

/**
 * Writes a tiled, little-endian BigTIFF pyramid from full-resolution pixels. Each level halves the one
 * above (2x2 area average) until both sides are at most {@link Options#smallestLevelSide()}. The
 * image streams through one tile row per level, so a 20000 x 15000 slide needs about
 * {@code 2 * width * tileSize} pixels of memory, never the whole image. The tiles of one row are
 * compressed in parallel. The pixel size goes into the resolution tags (pixels per centimetre), the
 * text into level 0's ImageDescription. The file is written under a temporary name in the target
 * folder and renamed when complete.
 */
public final class PyramidTiffWriter {
    private static final int HEADER_SIZE = 16;

    /** Tile compression. */
    public enum Compression {
        /** Uncompressed. */
        NONE(1),
        /** LZW with horizontal predictor. */
        LZW(5),
        /** Baseline JPEG, YCbCr 4:2:0, lossy. */
        JPEG(7),
        /** Deflate (zlib) with horizontal predictor. */
        DEFLATE(8);

        final int tiffCode;

        Compression(int tiffCode) {
            this.tiffCode = tiffCode;
        }
    }

    /**
     * How to write the pyramid.
     *
     * @param tileSize          tile side in pixels, a multiple of 16 from 16 to 4096 (e.g. 256 or 512)
     * @param compression       tile compression
     * @param jpegQuality       JPEG quality from 0.05 to 1 (ignored for lossless compression)
     * @param smallestLevelSide levels are added while a side of the last one exceeds this (at least 1)
     * @param micronsPerPixel   level-0 pixel size written to the resolution tags; empty writes none
     * @param description       text for level 0's ImageDescription
     */
    public record Options(int tileSize, Compression compression, float jpegQuality, int smallestLevelSide,
                          OptionalDouble micronsPerPixel, String description) {
        /** Validates every option; messages name the option, the value and the allowed range. */
        public Options {
            if (tileSize < 16 || tileSize > 4096 || tileSize % 16 != 0) {
                throw new IllegalArgumentException("tileSize must be a multiple of 16 from 16 to 4096, got " + tileSize);
            }
            if (compression == null) {
                throw new IllegalArgumentException("compression must be given");
            }
            if (!(jpegQuality >= 0.05f && jpegQuality <= 1f)) {
                throw new IllegalArgumentException("jpegQuality must be from 0.05 to 1, got " + jpegQuality);
            }
            if (smallestLevelSide < 1) {
                throw new IllegalArgumentException("smallestLevelSide must be at least 1, got " + smallestLevelSide);
            }
            if (micronsPerPixel == null || micronsPerPixel.isPresent()
                    && !(micronsPerPixel.getAsDouble() > 0 && micronsPerPixel.getAsDouble() < 1e6)) {
                throw new IllegalArgumentException("micronsPerPixel must be empty or from 0 to 1e6 (exclusive), got "
                        + micronsPerPixel);
            }
            if (description == null) {
                throw new IllegalArgumentException("description must not be null (use an empty string)");
            }
        }

        /** 512 px tiles, JPEG quality 0.9, levels down to 1024 px, no pixel size, a plain description. */
        public static Options defaults() {
            return new Options(512, Compression.JPEG, 0.9f, 1024, OptionalDouble.empty(), "Glo-In-One pyramid");
        }

        /** A copy with another tile size. */
        public Options withTileSize(int size) {
            return new Options(size, compression, jpegQuality, smallestLevelSide, micronsPerPixel, description);
        }

        /** A copy with another compression. */
        public Options withCompression(Compression c) {
            return new Options(tileSize, c, jpegQuality, smallestLevelSide, micronsPerPixel, description);
        }

        /** A copy with another JPEG quality. */
        public Options withJpegQuality(float q) {
            return new Options(tileSize, compression, q, smallestLevelSide, micronsPerPixel, description);
        }

        /** A copy with another smallest level side. */
        public Options withSmallestLevelSide(int side) {
            return new Options(tileSize, compression, jpegQuality, side, micronsPerPixel, description);
        }

        /** A copy with a level-0 pixel size in µm. */
        public Options withMicronsPerPixel(double mpp) {
            return new Options(tileSize, compression, jpegQuality, smallestLevelSide, OptionalDouble.of(mpp), description);
        }

        /** A copy with another ImageDescription text. */
        public Options withDescription(String text) {
            return new Options(tileSize, compression, jpegQuality, smallestLevelSide, micronsPerPixel, text);
        }
    }

    private PyramidTiffWriter() {
    }

    /**
     * The level sizes a pyramid of {@code width x height} gets: {width, height} per level, finest first.
     */
    public static List<int[]> levelSizes(int width, int height, int smallestLevelSide) {
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {width, height});
        int w = width;
        int h = height;
        while (Math.max(w, h) > smallestLevelSide && w >= 2 && h >= 2) {
            w /= 2;
            h /= 2;
            sizes.add(new int[] {w, h});
        }
        return sizes;
    }

    /** Writes level 0 of {@code slide} as a pyramid; its pixel size is used unless the options give one. */
    public static void write(Slide slide, Options options, Path output) throws IOException {
        Options o = options;
        if (o.micronsPerPixel().isEmpty() && slide.micronsPerPixelX().isPresent()
                && slide.micronsPerPixelY().isPresent()) {
            o = o.withMicronsPerPixel(slide.requireMicronsPerPixel());
        }
        long w = slide.levels().get(0).width();
        long h = slide.levels().get(0).height();
        if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("slide " + w + "x" + h + " is too large to rewrite");
        }
        write(RegionSource.of(slide), (int) w, (int) h, o, output);
    }

    /**
     * Writes a pyramid of {@code width x height} pixels read from {@code source}.
     *
     * @throws IOException when the source fails or the file cannot be written; no partial file is left
     */
    public static void write(RegionSource source, int width, int height, Options options, Path output)
            throws IOException {
        if (width < 1 || height < 1 || width > TiffImage.MAX_SIDE || height > TiffImage.MAX_SIDE) {
            throw new IllegalArgumentException("image size must be from 1 to " + TiffImage.MAX_SIDE
                    + " px per side, got " + width + "x" + height);
        }
        Path dir = output.toAbsolutePath().getParent();
        // Not Files.createTempFile, whose owner-only permissions the renamed slide would keep.
        Path temp = dir.resolve("." + output.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
             TileEncoder encoder = new TileEncoder(options.compression(), options.jpegQuality())) {
            new Run(source, options, channel, encoder, width, height).write();
            channel.force(false);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        try {
            Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The state of one write: the file position and one band per level. */
    private static final class Run {
        private final RegionSource source;
        private final Options options;
        private final FileChannel channel;
        private final TileEncoder encoder;
        private final List<PyramidLevelBand> levels = new ArrayList<>();
        private long position = HEADER_SIZE;

        Run(RegionSource source, Options options, FileChannel channel, TileEncoder encoder, int width, int height) {
            this.source = source;
            this.options = options;
            this.channel = channel;
            this.encoder = encoder;
            for (int[] size : levelSizes(width, height, options.smallestLevelSide())) {
                levels.add(new PyramidLevelBand(size[0], size[1], options.tileSize()));
            }
        }

        void write() throws IOException {
            PyramidLevelBand base = levels.get(0);
            int tile = options.tileSize();
            while (base.bandY < base.height) {
                int rows = base.rowsWanted();
                for (int col = 0; col < base.across; col++) {
                    int x = col * tile;
                    int w = Math.min(tile, base.width - x);
                    int[] px = source.read(x, base.bandY, w, rows);
                    if (px == null || px.length != w * rows) {
                        throw new IOException("the pixel source returned " + (px == null ? "nothing" : px.length
                                + " pixels") + " for a " + w + "x" + rows + " region at " + x + "," + base.bandY);
                    }
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(px, r * w, base.band, r * base.width + x, w);
                    }
                }
                base.filled = rows;
                flush(0);
            }
            writeDirectories();
        }

        /** Writes the full band of level {@code k}, halves it into level k+1, and flushes that when full. */
        private void flush(int k) throws IOException {
            PyramidLevelBand level = levels.get(k);
            writeTileRow(level);
            if (k + 1 < levels.size()) {
                PyramidLevelBand next = levels.get(k + 1);
                for (int r = 0; r + 1 < level.filled && next.bandY + next.filled < next.height; r += 2) {
                    next.addHalvedRow(level, r);
                    if (next.isFull()) {
                        // Happens only after the last pair of a band: tile rows are even, bands start even.
                        flush(k + 1);
                    }
                }
            }
            level.advance();
        }

        private void writeTileRow(PyramidLevelBand level) throws IOException {
            int size = options.tileSize();
            byte[][] encoded;
            try {
                encoded = IntStream.range(0, level.across).parallel().mapToObj(col -> {
                    try {
                        return encoder.encode(level.tile(col), size);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toArray(byte[][]::new);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            int first = level.tileRow() * level.across;
            for (int col = 0; col < encoded.length; col++) {
                level.offsets[first + col] = position;
                level.byteCounts[first + col] = encoded[col].length;
                writeFully(ByteBuffer.wrap(encoded[col]));
            }
        }

        private void writeDirectories() throws IOException {
            List<BigTiffDirectory> dirs = new ArrayList<>();
            double ds0 = levels.get(0).width;
            for (int k = 0; k < levels.size(); k++) {
                PyramidLevelBand level = levels.get(k);
                boolean jpeg = options.compression() == Compression.JPEG;
                BigTiffDirectory d = new BigTiffDirectory()
                        .longs(TiffTag.NEW_SUBFILE_TYPE, k == 0 ? 0 : 1)
                        .longs(TiffTag.IMAGE_WIDTH, level.width)
                        .longs(TiffTag.IMAGE_LENGTH, level.height)
                        .shorts(TiffTag.BITS_PER_SAMPLE, 8, 8, 8)
                        .shorts(TiffTag.COMPRESSION, options.compression().tiffCode)
                        .shorts(TiffTag.PHOTOMETRIC, jpeg ? TiffImage.PHOTOMETRIC_YCBCR : TiffImage.PHOTOMETRIC_RGB)
                        .shorts(TiffTag.SAMPLES_PER_PIXEL, 3)
                        .shorts(TiffTag.PLANAR_CONFIGURATION, 1)
                        .shorts(TiffTag.TILE_WIDTH, options.tileSize())
                        .shorts(TiffTag.TILE_LENGTH, options.tileSize())
                        .long8s(TiffTag.TILE_OFFSETS, level.offsets)
                        .long8s(TiffTag.TILE_BYTE_COUNTS, level.byteCounts);
                if (k == 0 && !options.description().isEmpty()) {
                    d.ascii(TiffTag.IMAGE_DESCRIPTION, options.description());
                }
                if (jpeg) {
                    d.shorts(TiffTag.YCBCR_SUBSAMPLING, 2, 2);
                } else if (options.compression() != Compression.NONE) {
                    d.shorts(TiffTag.PREDICTOR, 2);
                }
                if (options.micronsPerPixel().isPresent()) {
                    double micronsX = options.micronsPerPixel().getAsDouble() * ds0 / level.width;
                    double micronsY = options.micronsPerPixel().getAsDouble() * levels.get(0).height / level.height;
                    d.rational(TiffTag.X_RESOLUTION, 1e4 / micronsX)
                            .rational(TiffTag.Y_RESOLUTION, 1e4 / micronsY)
                            .shorts(TiffTag.RESOLUTION_UNIT, 3);
                }
                dirs.add(d);
            }
            long first = (position + 7) & ~7L;
            writePadding(first - position);
            long at = first;
            for (int k = 0; k < dirs.size(); k++) {
                long size = dirs.get(k).size();
                long next = k + 1 < dirs.size() ? at + size : 0;
                writeFully(dirs.get(k).toBytes(at, next));
                at += size;
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I').put((byte) 'I').putShort((short) 43).putShort((short) 8).putShort((short) 0)
                    .putLong(first).flip();
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
        }

        private void writePadding(long n) throws IOException {
            writeFully(ByteBuffer.allocate((int) n));
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                position += channel.write(b, position);
            }
        }
    }
}
