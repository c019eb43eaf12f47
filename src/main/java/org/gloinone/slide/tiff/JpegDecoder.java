package org.gloinone.slide.tiff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG-compressed TIFF tiles through ImageIO (TwelveMonkeys' JPEG reader when present).
 * The shared JPEGTables of the directory are spliced in front of each tile's own stream. Samples are
 * read raw, without the reader's own colour guess, and converted here according to the TIFF
 * photometric tag: Aperio's RGB tiles carry no JFIF or Adobe marker and are already RGB, so they
 * must not be converted again. Readers are pooled, one per concurrent decode.
 */
final class JpegDecoder implements AutoCloseable {
    private final ConcurrentLinkedQueue<ImageReader> idle = new ConcurrentLinkedQueue<>();

    /** Largest JPEG padding accepted past the declared chunk size: one MCU of 4:2:0 subsampling. */
    private static final int MCU = 16;

    /**
     * Decodes one tile or strip into packed ARGB. The JPEG header's size is checked against the chunk size the
     * TIFF declares before anything is decoded, since the decoder allocates what the header claims.
     *
     * @param declaredHeight the rows a full chunk holds (TileLength or RowsPerStrip); {@code rows} may be fewer
     * @throws IOException or IllegalArgumentException when the data is not a decodable JPEG of that size
     */
    int[] decode(byte[] tables, byte[] data, int photometric, int width, int rows, int declaredHeight)
            throws IOException {
        byte[] stream = splice(tables, data);
        ImageReader reader = idle.poll();
        if (reader == null) {
            reader = newReader();
        }
        Raster raster;
        boolean reusable = false;
        try (MemoryCacheImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(input, true, true);
            int claimedWidth = reader.getWidth(0);
            int claimedHeight = reader.getHeight(0);
            if (claimedWidth > roundUp(width) || claimedHeight > roundUp(declaredHeight)) {
                throw new IllegalArgumentException("its JPEG header claims " + claimedWidth + "x" + claimedHeight
                        + " px, more than the " + width + "x" + declaredHeight + " px the TIFF declares");
            }
            raster = reader.readRaster(0, null);
            reusable = true;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JPEG reader's own defects on malformed segments (e.g. a NegativeArraySizeException): corrupt data.
            throw new IOException("JPEG data is corrupt (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } finally {
            if (reusable) {
                reader.setInput(null);
                idle.add(reader);
            } else {
                reader.dispose(); // a reader that failed mid-stream may keep broken state
            }
        }
        if (raster.getWidth() < width || raster.getHeight() < rows) {
            throw new IllegalArgumentException("JPEG data holds " + raster.getWidth() + "x" + raster.getHeight()
                    + " px, less than the " + width + "x" + rows + " px expected");
        }
        return toArgb(raster, photometric, width, rows);
    }

    private static int roundUp(int size) {
        return (size + MCU - 1) / MCU * MCU;
    }

    private static int[] toArgb(Raster raster, int photometric, int width, int rows) {
        int bands = raster.getNumBands();
        if (bands != 1 && bands < 3) {
            throw new IllegalArgumentException("JPEG data has " + bands + " components");
        }
        int[] argb = new int[width * rows];
        boolean ycc = bands >= 3 && photometric == TiffImage.PHOTOMETRIC_YCBCR;
        boolean invert = bands == 1 && photometric == TiffImage.PHOTOMETRIC_MIN_IS_WHITE;
        if (raster.getDataBuffer() instanceof DataBufferByte buffer
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && raster.getMinX() == 0 && raster.getMinY() == 0 && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            // Fast path: read the decoder's interleaved bytes directly.
            byte[] data = buffer.getData();
            int[] offsets = model.getBandOffsets();
            int stride = model.getScanlineStride();
            int step = model.getPixelStride();
            for (int y = 0; y < rows; y++) {
                int s = buffer.getOffset() + y * stride;
                for (int x = 0, o = y * width; x < width; x++, o++, s += step) {
                    if (bands == 1) {
                        argb[o] = grey(data[s + offsets[0]] & 0xff, invert);
                    } else {
                        argb[o] = colour(data[s + offsets[0]] & 0xff, data[s + offsets[1]] & 0xff,
                                data[s + offsets[2]] & 0xff, ycc);
                    }
                }
            }
            return argb;
        }
        int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), width, rows, (int[]) null);
        for (int i = 0, s = 0; i < argb.length; i++, s += bands) {
            argb[i] = bands == 1 ? grey(samples[s], invert) : colour(samples[s], samples[s + 1], samples[s + 2], ycc);
        }
        return argb;
    }

    private static int grey(int v, boolean invert) {
        int g = invert ? 255 - v : v;
        return 0xff000000 | g << 16 | g << 8 | g;
    }

    private static int colour(int a, int b, int c, boolean ycc) {
        return ycc ? YCbCr.toArgb(a, b, c) : 0xff000000 | a << 16 | b << 8 | c;
    }

    /** Tables stream without its end marker, then the tile stream without its start marker. */
    private static byte[] splice(byte[] tables, byte[] data) {
        if (data.length < 4 || (data[0] & 0xff) != 0xFF || (data[1] & 0xff) != 0xD8) {
            throw new IllegalArgumentException("tile data does not start with a JPEG start-of-image marker");
        }
        if (tables == null || tables.length < 4) {
            return data;
        }
        int tablesEnd = tables.length;
        if ((tables[tablesEnd - 2] & 0xff) == 0xFF && (tables[tablesEnd - 1] & 0xff) == 0xD9) {
            tablesEnd -= 2;
        }
        byte[] out = new byte[tablesEnd + data.length - 2];
        System.arraycopy(tables, 0, out, 0, tablesEnd);
        System.arraycopy(data, 2, out, tablesEnd, data.length - 2);
        return out;
    }

    private static ImageReader newReader() throws IOException {
        ImageReader fallback = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().contains("twelvemonkeys")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return r;
            }
            if (fallback == null) {
                fallback = r;
            } else {
                r.dispose();
            }
        }
        if (fallback == null) {
            throw new IOException("no JPEG reader is installed in ImageIO");
        }
        return fallback;
    }

    @Override
    public void close() {
        for (ImageReader r; (r = idle.poll()) != null; ) {
            r.dispose();
        }
    }
}
