package org.gloinone.train;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What exporting a slide region at low magnification does to its pixels, for augmentation: detail lost to area
 * averaging (then the enlargement the pipeline makes when it reads at the model's pixel size), and JPEG blocks.
 */
final class ExportArtefacts {
    private ExportArtefacts() {
    }

    /**
     * In place: area-averages the image down by {@code factor} (to the nearest whole size, at least 1 px) and
     * enlarges it back bilinearly, pixel centres aligned.
     */
    static void lowMagnification(FloatImage img, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("low-magnification factor must be >= 1, got " + factor);
        }
        int w = img.width();
        int h = img.height();
        int sw = (int) Math.max(1, Math.round(w / factor));
        int sh = (int) Math.max(1, Math.round(h / factor));
        if (sw == w && sh == h) {
            return;
        }
        int ch = img.channels();
        float[] small = areaAverage(img.data(), w, h, ch, sw, sh);
        float[] d = img.data();
        for (int y = 0; y < h; y++) {
            double sy = Math.min(Math.max((y + 0.5) * sh / h - 0.5, 0), sh - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, sh - 1);
            float fy = (float) (sy - y0);
            for (int x = 0; x < w; x++) {
                double sx = Math.min(Math.max((x + 0.5) * sw / w - 0.5, 0), sw - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, sw - 1);
                float fx = (float) (sx - x0);
                for (int c = 0; c < ch; c++) {
                    float top = small[(y0 * sw + x0) * ch + c] * (1 - fx) + small[(y0 * sw + x1) * ch + c] * fx;
                    float bottom = small[(y1 * sw + x0) * ch + c] * (1 - fx) + small[(y1 * sw + x1) * ch + c] * fx;
                    d[(y * w + x) * ch + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
    }

    /** Exact area average of a w x h image onto sw x sh (sw <= w, sh <= h), rows then columns. */
    static float[] areaAverage(float[] src, int w, int h, int ch, int sw, int sh) {
        float[] rows = new float[sw * h * ch];
        for (int y = 0; y < h; y++) {
            resampleLine(src, y * w * ch, ch, w, rows, y * sw * ch, ch, sw, ch);
        }
        float[] out = new float[sw * sh * ch];
        for (int x = 0; x < sw; x++) {
            resampleLine(rows, x * ch, sw * ch, h, out, x * ch, sw * ch, sh, ch);
        }
        return out;
    }

    /** Area-averages one line of n samples (stride {@code step}) onto m samples, each channel. */
    private static void resampleLine(float[] src, int srcStart, int srcStep, int n, float[] dst, int dstStart,
                                     int dstStep, int m, int ch) {
        double f = (double) n / m;
        for (int i = 0; i < m; i++) {
            double a = i * f;
            double b = (i + 1) * f;
            for (int c = 0; c < ch; c++) {
                double sum = 0;
                for (int k = (int) Math.floor(a); k < Math.min(n, (int) Math.ceil(b)); k++) {
                    double overlap = Math.min(b, k + 1) - Math.max(a, k);
                    sum += overlap * src[srcStart + k * srcStep + c];
                }
                dst[dstStart + i * dstStep + c] = (float) (sum / f);
            }
        }
    }

    /** In place: a JPEG round trip of an RGB image at {@code quality} in (0, 1]. */
    static void jpeg(FloatImage rgb, float quality) {
        int w = rgb.width();
        int h = rgb.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float[] d = rgb.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                img.setRGB(x, y, (byte8(d[i]) << 16) | (byte8(d[i + 1]) << 8) | byte8(d[i + 2]));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        BufferedImage back;
        try {
            back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding in memory failed", e);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = back.getRGB(x, y);
                int i = (y * w + x) * 3;
                d[i] = ((p >> 16) & 0xFF) / 255f;
                d[i + 1] = ((p >> 8) & 0xFF) / 255f;
                d[i + 2] = (p & 0xFF) / 255f;
            }
        }
    }

    private static int byte8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
