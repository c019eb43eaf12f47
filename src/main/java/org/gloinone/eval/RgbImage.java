package org.gloinone.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * An 8-bit RGB image as packed 0xAARRGGBB pixels, row-major. The array is owned by the image once passed in.
 *
 * @param width  width in pixels
 * @param height height in pixels
 * @param argb   {@code width * height} packed pixels
 */
public record RgbImage(int width, int height, int[] argb) {
    public RgbImage {
        if (width <= 0 || height <= 0 || argb.length != (long) width * height) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " cannot hold "
                    + argb.length + " pixels");
        }
    }

    /**
     * Reads a PNG (or any format ImageIO reads) as RGB.
     *
     * @throws DatasetException if the file is missing or cannot be decoded
     */
    public static RgbImage read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "file not found");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be decoded as an image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new DatasetException(file, "not an image format that can be read (expected PNG)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        return new RgbImage(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /** The mask of this image: foreground where any channel is above 127. */
    public BinaryMask toMask() {
        return BinaryMask.fromArgb(width, height, argb);
    }

    /** A new image holding the rectangle at ({@code x}, {@code y}); parts outside this image are black. */
    public RgbImage crop(int x, int y, int w, int h) {
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            int sy = y + j;
            if (sy < 0 || sy >= height) {
                continue;
            }
            for (int i = 0; i < w; i++) {
                int sx = x + i;
                if (sx >= 0 && sx < width) {
                    out[j * w + i] = argb[sy * width + sx];
                }
            }
        }
        return new RgbImage(w, h, out);
    }
}
