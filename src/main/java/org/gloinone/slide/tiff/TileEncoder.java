package org.gloinone.slide.tiff;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Compresses one square RGB tile for {@link PyramidTiffWriter}: JPEG through ImageIO (a complete
 * JFIF stream per tile, YCbCr with 2x2 chroma subsampling), or Deflate / LZW after horizontal
 * differencing (predictor 2), or no compression. Safe for concurrent use: JPEG writers are pooled.
 */
final class TileEncoder implements AutoCloseable {
    private final PyramidTiffWriter.Compression compression;
    private final float quality;
    private final ConcurrentLinkedQueue<ImageWriter> idle = new ConcurrentLinkedQueue<>();

    TileEncoder(PyramidTiffWriter.Compression compression, float quality) {
        this.compression = compression;
        this.quality = quality;
    }

    /** Encodes {@code size x size} packed RGB pixels (alpha ignored). */
    byte[] encode(int[] argb, int size) throws IOException {
        if (compression == PyramidTiffWriter.Compression.JPEG) {
            return jpeg(argb, size);
        }
        byte[] rgb = new byte[argb.length * 3];
        for (int i = 0, s = 0; i < argb.length; i++, s += 3) {
            int p = argb[i];
            rgb[s] = (byte) (p >> 16);
            rgb[s + 1] = (byte) (p >> 8);
            rgb[s + 2] = (byte) p;
        }
        switch (compression) {
            case NONE:
                return rgb;
            case LZW:
                HorizontalPredictor.apply(rgb, size, size, 3);
                return LzwCodec.encode(rgb, rgb.length);
            case DEFLATE:
                HorizontalPredictor.apply(rgb, size, size, 3);
                return deflate(rgb);
            default:
                throw new IllegalStateException("unhandled compression " + compression);
        }
    }

    private static byte[] deflate(byte[] data) {
        // Level 3: zlib's fast matcher (levels 1-3) rather than the lazy one (4-9), which is slow on
        // noisy tissue texture.
        Deflater deflater = new Deflater(3);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[64 << 10];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private byte[] jpeg(int[] argb, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(argb, 0, target, 0, argb.length);
        ImageWriter writer = idle.poll();
        if (writer == null) {
            writer = newWriter();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size * size / 4);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.setOutput(null);
            idle.add(writer);
        }
        return bytes.toByteArray();
    }

    private static ImageWriter newWriter() throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IOException("no JPEG writer is installed in ImageIO");
        }
        return it.next();
    }

    @Override
    public void close() {
        for (ImageWriter w; (w = idle.poll()) != null; ) {
            w.dispose();
        }
    }
}
