package org.gloinone.slide.tiff;

import java.io.IOException;

/**
 * The pixel layout of one image directory, checked once when the slide opens: size, tile or strip
 * grid, compression, sample layout, and the position of every tile inside the file. Strips are
 * handled as tiles as wide as the image.
 */
final class TiffImage {
    /** Largest side accepted: ~16.7 M px, well beyond any scanner (a 40x slide is ~200 000 px). */
    static final long MAX_SIDE = 1L << 24;
    /** Largest tile or strip decoded at once, in pixels (128 MB as packed ARGB). */
    static final long MAX_CHUNK_PIXELS = 1L << 25;

    static final int COMPRESSION_NONE = 1;
    static final int COMPRESSION_LZW = 5;
    static final int COMPRESSION_OLD_JPEG = 6;
    static final int COMPRESSION_JPEG = 7;
    static final int COMPRESSION_ADOBE_DEFLATE = 8;
    static final int COMPRESSION_PACKBITS = 32773;
    static final int COMPRESSION_DEFLATE = 32946;
    static final int COMPRESSION_APERIO_JP2K_YCBCR = 33003;
    static final int COMPRESSION_APERIO_JP2K_RGB = 33005;

    static final int PHOTOMETRIC_MIN_IS_WHITE = 0;
    static final int PHOTOMETRIC_MIN_IS_BLACK = 1;
    static final int PHOTOMETRIC_RGB = 2;
    static final int PHOTOMETRIC_YCBCR = 6;

    final int width;
    final int height;
    final int chunkWidth;
    final int chunkHeight;
    final int chunksAcross;
    final int chunksDown;
    final boolean tiled;
    final int compression;
    final int photometric;
    final int samplesPerPixel;
    final int predictor;
    final byte[] jpegTables;
    final long[] offsets;
    final long[] byteCounts;
    final String description;

    private TiffImage(TiffDirectory d, TiffInput in, String name) throws IOException {
        long w = d.width();
        long h = d.height();
        if (w <= 0 || h <= 0) {
            throw in.error(name + " has no image size (width " + w + ", height " + h + ")");
        }
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw in.error(name + " claims an absurd size of " + w + "x" + h + " px (the limit is " + MAX_SIDE
                    + " px per side); the file is corrupt");
        }
        width = (int) w;
        height = (int) h;
        compression = (int) d.number(TiffTag.COMPRESSION, COMPRESSION_NONE);
        checkCompression(compression, in, name);
        samplesPerPixel = (int) d.number(TiffTag.SAMPLES_PER_PIXEL, 1);
        photometric = (int) d.number(TiffTag.PHOTOMETRIC,
                samplesPerPixel >= 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MIN_IS_BLACK);
        checkSamples(d, in, name);
        predictor = (int) d.number(TiffTag.PREDICTOR, 1);
        if (predictor != 1 && predictor != 2) {
            throw in.error(name + " uses predictor " + predictor + "; only none (1) and horizontal (2) are supported");
        }
        tiled = d.isTiled();
        long cw;
        long ch;
        long[] offs;
        long[] counts;
        if (tiled) {
            cw = d.number(TiffTag.TILE_WIDTH, 0);
            ch = d.number(TiffTag.TILE_LENGTH, 0);
            offs = d.numbers(TiffTag.TILE_OFFSETS);
            counts = d.numbers(TiffTag.TILE_BYTE_COUNTS);
        } else {
            cw = w;
            ch = Math.min(h, d.number(TiffTag.ROWS_PER_STRIP, h));
            offs = d.numbers(TiffTag.STRIP_OFFSETS);
            counts = d.numbers(TiffTag.STRIP_BYTE_COUNTS);
        }
        if (cw <= 0 || ch <= 0 || cw > MAX_SIDE || ch > MAX_SIDE || cw * ch > MAX_CHUNK_PIXELS) {
            throw in.error(name + " has " + (tiled ? "tiles" : "strips") + " of " + cw + "x" + ch
                    + " px, which this reader cannot decode piecewise (limit " + MAX_CHUNK_PIXELS + " px)");
        }
        chunkWidth = (int) cw;
        chunkHeight = (int) ch;
        long across = (w + cw - 1) / cw;
        long down = (h + ch - 1) / ch;
        long expected = across * down;
        if (offs == null || counts == null) {
            throw in.error(name + " has no " + (tiled ? "tile" : "strip") + " offsets or byte counts");
        }
        if (offs.length != expected || counts.length != expected) {
            throw in.error(name + " lists " + offs.length + " " + (tiled ? "tiles" : "strips") + " but its size "
                    + w + "x" + h + " needs " + expected + "; the file is corrupt");
        }
        for (int i = 0; i < offs.length; i++) {
            if (offs[i] < 0 || counts[i] < 0 || offs[i] > in.size() || counts[i] > in.size() - offs[i]) {
                throw in.error(name + " " + (tiled ? "tile " : "strip ") + i + " (offset " + offs[i] + ", "
                        + counts[i] + " bytes) lies past the end of the file (size " + in.size()
                        + "); the file is truncated or corrupt");
            }
        }
        chunksAcross = (int) across;
        chunksDown = (int) down;
        offsets = offs;
        byteCounts = counts;
        jpegTables = d.bytes(TiffTag.JPEG_TABLES);
        description = d.text(TiffTag.IMAGE_DESCRIPTION);
    }

    /** Validates a directory's pixel layout; {@code name} says which image it is, for messages. */
    static TiffImage of(TiffDirectory d, TiffInput in, String name) throws IOException {
        return new TiffImage(d, in, name);
    }

    private static void checkCompression(int compression, TiffInput in, String name) throws IOException {
        switch (compression) {
            case COMPRESSION_NONE: case COMPRESSION_LZW: case COMPRESSION_JPEG: case COMPRESSION_ADOBE_DEFLATE:
            case COMPRESSION_DEFLATE: case COMPRESSION_PACKBITS:
                return;
            case COMPRESSION_APERIO_JP2K_YCBCR: case COMPRESSION_APERIO_JP2K_RGB:
                throw in.error("compression " + compression + " is not supported by the built-in reader: "
                        + "install OpenSlide or open the slide in Fiji (Bio-Formats)");
            case COMPRESSION_OLD_JPEG:
                throw in.error(name + " uses old-style JPEG (compression 6), which the built-in reader does not "
                        + "support; convert the file or open it with OpenSlide");
            default:
                throw in.error(name + " uses TIFF compression " + compression + ", which the built-in reader does "
                        + "not support (it reads none, LZW, JPEG, Deflate and PackBits)");
        }
    }

    private void checkSamples(TiffDirectory d, TiffInput in, String name) throws IOException {
        long[] bits = d.numbers(TiffTag.BITS_PER_SAMPLE);
        if (bits != null) {
            for (long b : bits) {
                if (b != 8) {
                    throw in.error(name + " has " + b + " bits per sample; the built-in reader reads 8-bit images only");
                }
            }
        } else if (d.has(TiffTag.IMAGE_WIDTH)) {
            // TIFF's default is 1 bit per sample: a bilevel image.
            throw in.error(name + " is a 1-bit image; the built-in reader reads 8-bit images only");
        }
        long format = d.number(TiffTag.SAMPLE_FORMAT, 1);
        if (format != 1) {
            throw in.error(name + " has sample format " + format + "; the built-in reader reads unsigned 8-bit only");
        }
        boolean grey = samplesPerPixel == 1
                && (photometric == PHOTOMETRIC_MIN_IS_BLACK || photometric == PHOTOMETRIC_MIN_IS_WHITE);
        boolean colour = samplesPerPixel >= 3 && samplesPerPixel <= 4
                && (photometric == PHOTOMETRIC_RGB || photometric == PHOTOMETRIC_YCBCR);
        if (!grey && !colour) {
            throw in.error(name + " has " + samplesPerPixel + " samples per pixel with photometric interpretation "
                    + photometric + "; the built-in reader reads 8-bit RGB and grey only");
        }
        if (photometric == PHOTOMETRIC_YCBCR && compression != COMPRESSION_JPEG) {
            throw in.error(name + " stores YCbCr pixels without JPEG compression, which the built-in reader "
                    + "does not support");
        }
        if (samplesPerPixel > 1 && d.number(TiffTag.PLANAR_CONFIGURATION, 1) != 1) {
            throw in.error(name + " stores colour planes separately (planar configuration 2), which the built-in "
                    + "reader does not support");
        }
    }

    int chunkCount() {
        return offsets.length;
    }

    /** Rows of image data actually held by a chunk (the last strip may be shorter than the others). */
    int rowsIn(int chunkRow) {
        return tiled ? chunkHeight : Math.min(chunkHeight, height - chunkRow * chunkHeight);
    }
}
