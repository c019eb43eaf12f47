package org.gloinone.slide.tiff;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Small TIFF files that lie about themselves, as an attacker or a broken converter writes them, for the
 * hostile-input catalogue. Each is a few bytes to half a megabyte.
 */
public final class HostileTiffs {
    private HostileTiffs() {
    }

    /** A one-tile 256 x 256 JPEG TIFF at 0.5 um/px whose tile's JPEG header claims {@code width x height} px. */
    public static Path jpegTileClaiming(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        for (int i = 0; i + 8 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xFF && (bytes[i + 1] & 0xff) == 0xC0) { // SOF0: length, precision, height, width
                bytes[i + 5] = (byte) (height >> 8);
                bytes[i + 6] = (byte) height;
                bytes[i + 7] = (byte) (width >> 8);
                bytes[i + 8] = (byte) width;
                break;
            }
        }
        TinyTiff.Dir d = TinyTiff.Dir.image(256, 256, 3, TiffImage.COMPRESSION_JPEG, TiffImage.PHOTOMETRIC_YCBCR, 256,
                0, List.of(bytes));
        return write(file, centimetres(d, 20_000));
    }

    /** A 64 x 64 Aperio SVS whose description states {@code MPP = mpp}. */
    public static Path aperioWithMpp(Path file, String mpp) throws IOException {
        TinyTiff.Dir d = white(64, 64).text(TiffTag.IMAGE_DESCRIPTION, "Aperio Image Library v12.0.0\r\n64x64 [0,0 64x64]"
                + " (256x256) JPEG/RGB Q=70|AppMag = 20|MPP = " + mpp);
        return write(file, d);
    }

    /** A white {@code side x side} TIFF that states no pixel size. */
    public static Path withoutPixelSize(Path file, int side) throws IOException {
        return write(file, white(side, side));
    }

    /** A white {@code side x side} TIFF whose only resolution is {@code dpi} dots per inch. */
    public static Path dotsPerInch(Path file, int side, long dpi) throws IOException {
        return write(file, white(side, side).num(TiffTag.X_RESOLUTION, TiffType.RATIONAL, dpi)
                .num(TiffTag.Y_RESOLUTION, TiffType.RATIONAL, dpi).num(TiffTag.RESOLUTION_UNIT, TiffType.SHORT, 2));
    }

    /** A white {@code side x side} TIFF at {@code pixelsPerCentimetre} (1e4 / um per px). */
    public static Path pixelsPerCentimetre(Path file, int side, long pixelsPerCentimetre) throws IOException {
        return write(file, centimetres(white(side, side), pixelsPerCentimetre));
    }

    /**
     * A {@code side x side} tiled TIFF at 0.5 um/px whose tiles are all empty (offset and byte count 0): it
     * declares a huge image in a small file (1,000,000 px square with 4096 px tiles is about 0.5 MB).
     */
    public static Path sparse(Path file, int side, int tile) throws IOException {
        int across = (side + tile - 1) / tile;
        long[] zeros = new long[across * across];
        TinyTiff.Dir d = TinyTiff.Dir.image(side, side, 3, TiffImage.COMPRESSION_NONE, TiffImage.PHOTOMETRIC_RGB, tile,
                0, List.of());
        d.num(TiffTag.TILE_OFFSETS, TiffType.LONG, zeros).num(TiffTag.TILE_BYTE_COUNTS, TiffType.LONG, zeros);
        return write(file, centimetres(d, 20_000));
    }

    private static TinyTiff.Dir white(int width, int height) {
        byte[] raw = new byte[width * height * 3];
        Arrays.fill(raw, (byte) 0xF0);
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return TinyTiff.Dir.image(width, height, 3, TiffImage.COMPRESSION_DEFLATE, TiffImage.PHOTOMETRIC_RGB, 0, height,
                List.of(packed.toByteArray()));
    }

    private static TinyTiff.Dir centimetres(TinyTiff.Dir d, long pixelsPerCentimetre) {
        return d.num(TiffTag.X_RESOLUTION, TiffType.RATIONAL, pixelsPerCentimetre)
                .num(TiffTag.Y_RESOLUTION, TiffType.RATIONAL, pixelsPerCentimetre)
                .num(TiffTag.RESOLUTION_UNIT, TiffType.SHORT, 3);
    }

    private static Path write(Path file, TinyTiff.Dir d) throws IOException {
        Files.write(file, TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d)));
        return file;
    }
}
