package org.gloinone.slide.tiff;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns the stored bytes of one tile or strip into packed opaque ARGB pixels, for every compression
 * the built-in reader supports. Lossless codecs decode into a buffer of exactly the expected size, so
 * corrupt data can never make it allocate more.
 */
final class ChunkDecoder implements AutoCloseable {
    private final JpegDecoder jpeg = new JpegDecoder();

    /**
     * @param image the image the chunk belongs to
     * @param data  the chunk's stored bytes
     * @param rows  rows of pixels the chunk holds
     * @throws IOException or IllegalArgumentException when the data is corrupt
     */
    int[] decode(TiffImage image, byte[] data, int rows) throws IOException {
        int width = image.chunkWidth;
        if (image.compression == TiffImage.COMPRESSION_JPEG) {
            return jpeg.decode(image.jpegTables, data, image.photometric, width, rows, image.chunkHeight);
        }
        int spp = image.samplesPerPixel;
        byte[] raw = new byte[width * rows * spp];
        int n;
        switch (image.compression) {
            case TiffImage.COMPRESSION_NONE:
                n = Math.min(data.length, raw.length);
                System.arraycopy(data, 0, raw, 0, n);
                break;
            case TiffImage.COMPRESSION_LZW:
                n = LzwCodec.decode(data, raw);
                break;
            case TiffImage.COMPRESSION_PACKBITS:
                n = PackBits.decode(data, raw);
                break;
            case TiffImage.COMPRESSION_ADOBE_DEFLATE:
            case TiffImage.COMPRESSION_DEFLATE:
                n = inflate(data, raw);
                break;
            default:
                throw new IllegalArgumentException("compression " + image.compression + " is not supported");
        }
        if (n < raw.length) {
            throw new IllegalArgumentException("the data ends early: " + n + " of " + raw.length + " bytes decoded");
        }
        if (image.predictor == 2) {
            HorizontalPredictor.undo(raw, width, rows, spp);
        }
        return toArgb(raw, spp, image.photometric, width * rows);
    }

    /** Inflates {@code data} into {@code out}; the number of bytes written. */
    static int inflate(byte[] data, byte[] out) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            int pos = 0;
            while (pos < out.length && !inflater.finished()) {
                int n = inflater.inflate(out, pos, out.length - pos);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                pos += n;
            }
            return pos;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("Deflate data is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static int[] toArgb(byte[] raw, int spp, int photometric, int pixels) {
        int[] argb = new int[pixels];
        if (spp == 1) {
            int flip = photometric == TiffImage.PHOTOMETRIC_MIN_IS_WHITE ? 0xff : 0;
            for (int i = 0; i < pixels; i++) {
                int v = (raw[i] & 0xff) ^ flip;
                argb[i] = 0xff000000 | v << 16 | v << 8 | v;
            }
        } else {
            for (int i = 0, s = 0; i < pixels; i++, s += spp) {
                argb[i] = 0xff000000 | (raw[s] & 0xff) << 16 | (raw[s + 1] & 0xff) << 8 | (raw[s + 2] & 0xff);
            }
        }
        return argb;
    }

    @Override
    public void close() {
        jpeg.close();
    }
}
