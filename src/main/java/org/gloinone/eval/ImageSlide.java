package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.slide.PlainSlide;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * One labelled image (a crop or a tile) seen as a single-level slide, so that the pipeline's stages and the
 * slide resampler ({@link Slide#readScaled}) run on it unchanged. Nothing to close.
 */
public final class ImageSlide extends PlainSlide {
    private final RgbImage image;

    /**
     * Wraps an image.
     *
     * @param path            the file it came from (for messages)
     * @param image           the pixels
     * @param micronsPerPixel its pixel size, or empty when unknown
     */
    public ImageSlide(Path path, RgbImage image, OptionalDouble micronsPerPixel) {
        super(path, "image", "image", List.of(new SlideLevel(image.width(), image.height(), 1.0)), micronsPerPixel,
                micronsPerPixel);
        this.image = image;
    }










    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height) {
        if (level != 0) {
            throw new IllegalArgumentException("an image has only level 0, asked for " + level);
        }
        if (x < Integer.MIN_VALUE / 2 || y < Integer.MIN_VALUE / 2 || x > Integer.MAX_VALUE / 2 || y > Integer.MAX_VALUE / 2) {
            return ArrayImgs.argbs(new int[width * height], width, height);
        }
        return ArrayImgs.argbs(image.crop((int) x, (int) y, width, height).argb(), width, height);
    }

    /** Resamples the whole image to {@code width x height} (area average when shrinking, bilinear when enlarging). */
    public RgbImage resized(int width, int height) throws IOException {
        if (width == image.width() && height == image.height()) {
            return image;
        }
        int[] argb = readScaled(0, 0, image.width(), image.height(), width, height).update(null)
                .getCurrentStorageArray();
        return new RgbImage(width, height, argb);
    }

    @Override
    public void close() {
    }
}
