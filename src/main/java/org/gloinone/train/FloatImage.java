package org.gloinone.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A float image in height-width-channel order. RGB images hold values in 0-1 (raw/255, the models'
 * preprocessing); masks have one channel in 0-1.
 *
 * @param width    width in pixels
 * @param height   height in pixels
 * @param channels channels per pixel
 * @param data     values, {@code (y * width + x) * channels + c}
 */
public record FloatImage(int width, int height, int channels, float[] data) {
    public FloatImage {
        if (width < 1 || height < 1 || channels < 1 || data.length != width * height * channels) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height + "x" + channels
                    + " for " + data.length + " values");
        }
    }

    /** A zero image. */
    public static FloatImage zeros(int width, int height, int channels) {
        return new FloatImage(width, height, channels, new float[width * height * channels]);
    }

    /** The value at (x, y), channel c. */
    public float get(int x, int y, int c) {
        return data[(y * width + x) * channels + c];
    }

    /** Sets the value at (x, y), channel c. */
    public void set(int x, int y, int c, float v) {
        data[(y * width + x) * channels + c] = v;
    }

    /** Reads a PNG/JPEG as RGB in 0-1. */
    public static FloatImage readRgb(Path file) throws IOException {
        BufferedImage img = read(file);
        int w = img.getWidth();
        int h = img.getHeight();
        return fromArgb(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /** Packed ARGB pixels (alpha ignored) as RGB in 0-1. */
    public static FloatImage fromArgb(int w, int h, int[] argb) {
        float[] d = new float[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            d[3 * i] = ((argb[i] >> 16) & 0xff) / 255f;
            d[3 * i + 1] = ((argb[i] >> 8) & 0xff) / 255f;
            d[3 * i + 2] = (argb[i] & 0xff) / 255f;
        }
        return new FloatImage(w, h, 3, d);
    }

    /** Reads a mask image: 1 where any of R, G, B is above 127, else 0. */
    public static FloatImage readMask(Path file) throws IOException {
        BufferedImage img = read(file);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] d = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            boolean on = ((p >> 16) & 0xff) > 127 || ((p >> 8) & 0xff) > 127 || (p & 0xff) > 127;
            d[i] = on ? 1f : 0f;
        }
        return new FloatImage(w, h, 1, d);
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not a readable image");
        }
        return img;
    }

    /** Box-filter downsampling by an integer factor (area average), for loading tiles at a coarser µm/px. */
    public FloatImage downsample(int factor) {
        int w = width / factor;
        int h = height / factor;
        float[] d = new float[w * h * channels];
        float norm = 1f / (factor * factor);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    float s = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        for (int dx = 0; dx < factor; dx++) {
                            s += get(x * factor + dx, y * factor + dy, c);
                        }
                    }
                    d[(y * w + x) * channels + c] = s * norm;
                }
            }
        }
        return new FloatImage(w, h, channels, d);
    }
}
