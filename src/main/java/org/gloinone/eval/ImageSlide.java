package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * One labelled image (a crop or a tile) seen as a single-level slide, so that the pipeline's stages and the
 * slide resampler ({@link Slide#readScaled}) run on it unchanged. Nothing to close.
 */
public final class ImageSlide implements Slide {
    private final Path path;
    private final RgbImage image;
    private final OptionalDouble micronsPerPixel;

    /**
     * Wraps an image.
     *
     * @param path            the file it came from (for messages)
     * @param image           the pixels
     * @param micronsPerPixel its pixel size, or empty when unknown
     */
    public ImageSlide(Path path, RgbImage image, OptionalDouble micronsPerPixel) {
        this.path = path;
        this.image = image;
        this.micronsPerPixel = micronsPerPixel;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String backendName() {
        return "image";
    }

    @Override
    public String formatName() {
        return "image";
    }

    @Override
    public List<SlideLevel> levels() {
        return List.of(new SlideLevel(image.width(), image.height(), 1.0));
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return micronsPerPixel;
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return micronsPerPixel;
    }

    @Override
    public OptionalDouble objectiveMagnification() {
        return OptionalDouble.empty();
    }

    @Override
    public Set<String> associatedImageNames() {
        return Set.of();
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        throw new SlideException(path, "no associated image '" + name + "'");
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
