package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * An open whole-slide image: a pyramid of levels plus metadata and associated images.
 * <p>
 * Pixels are returned as imglib2 {@link ARGBType} images backed by an {@code int[]} (packed
 * 0xAARRGGBB, row-major), which wraps without copying into an ImageJ {@code ColorProcessor}.
 * Implementations decode only the tiles a read touches and never a whole level behind the caller's back.
 * Reads are thread-safe unless an implementation documents otherwise.
 */
public interface Slide extends AutoCloseable {

    /** The file this slide was opened from. */
    Path path();

    /** The backend that reads it, e.g. {@code "tiff"}, {@code "openslide"}, {@code "imagej"}. */
    String backendName();

    /** The container format, e.g. {@code "aperio-svs"}, {@code "generic-tiff"}, {@code "ome-tiff"}. */
    String formatName();

    /** The pyramid levels, finest first; level 0 is full resolution. */
    List<SlideLevel> levels();

    /** Number of pyramid levels. */
    default int levelCount() {
        return levels().size();
    }

    /** Micrometres per level-0 pixel along x; empty when the file does not say. */
    OptionalDouble micronsPerPixelX();

    /** Micrometres per level-0 pixel along y; empty when the file does not say. */
    OptionalDouble micronsPerPixelY();

    /** Objective magnification of the scan (e.g. 20 or 40); empty when unknown. */
    OptionalDouble objectiveMagnification();

    /** Names of the associated images ({@code label}, {@code macro}, {@code thumbnail}) present. */
    Set<String> associatedImageNames();

    /**
     * Reads an associated image whole (they are small).
     *
     * @throws IOException if the name is unknown or the image cannot be decoded
     */
    ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException;

    /**
     * Reads a rectangle of one level. Coordinates are in that level's own pixels. Parts of the
     * rectangle outside the level are transparent black (0).
     *
     * @param level  pyramid level index
     * @param x      left edge in level pixels
     * @param y      top edge in level pixels
     * @param width  width in pixels, at least 1
     * @param height height in pixels, at least 1
     * @throws IOException if the pixel data is corrupt or unreadable; the message names the file
     */
    ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height) throws IOException;

    /**
     * True when the file stores no pixels for any part of this rectangle of a level (a sparse file's empty
     * tiles), so that reading it can only give transparent pixels and may be skipped. False when unsure.
     *
     * @param level pyramid level index
     */
    default boolean isEmpty(int level, long x, long y, long width, long height) {
        return false;
    }

    /**
     * The index of the coarsest level whose downsample is at most {@code downsample}: the nearest level
     * that is at least as fine as asked. Level 0 when even it is coarser.
     */
    default int bestLevelForDownsample(double downsample) {
        List<SlideLevel> levels = levels();
        int best = 0;
        for (int i = 1; i < levels.size(); i++) {
            // A 1 % tolerance absorbs non-integer downsamples such as 4.016 on rounded level sizes.
            if (levels.get(i).downsample() <= downsample * (1 + 1e-2)
                    && levels.get(i).downsample() > levels.get(best).downsample()) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The index of the nearest level at least as fine as {@code micronsPerPixel}.
     *
     * @throws SlideException when the slide does not know its pixel size
     */
    default int bestLevelFor(double micronsPerPixel) throws SlideException {
        return bestLevelForDownsample(micronsPerPixel / requireMicronsPerPixel());
    }

    /**
     * The level-0 pixel size in micrometres (the mean of x and y).
     *
     * @throws SlideException when the file does not say; the message tells the user how to give it
     */
    default double requireMicronsPerPixel() throws SlideException {
        OptionalDouble x = micronsPerPixelX();
        OptionalDouble y = micronsPerPixelY();
        if (x.isEmpty() || y.isEmpty()) {
            throw new SlideException(path(), "the file does not say its pixel size (um/px); "
                    + "give it explicitly (e.g. --mpp 0.5 on the command line)");
        }
        return (x.getAsDouble() + y.getAsDouble()) / 2;
    }

    /**
     * Reads a level-0 rectangle resampled to {@code outWidth x outHeight}: from the nearest level at least
     * as fine as needed, area-averaged when shrinking, bilinear when enlarging. Memory is bounded by strips.
     *
     * @param x0 left edge in level-0 pixels (may be fractional or outside the slide)
     * @param y0 top edge in level-0 pixels
     * @param w0 width in level-0 pixels
     * @param h0 height in level-0 pixels
     */
    default ArrayImg<ARGBType, IntArray> readScaled(double x0, double y0, double w0, double h0,
                                                   int outWidth, int outHeight) throws IOException {
        return RegionResampler.read(this, x0, y0, w0, h0, outWidth, outHeight);
    }

    /**
     * Reads a level-0 rectangle at a physical resolution; the output is
     * {@code round(w0 * mpp0 / micronsPerPixel)} by {@code round(h0 * mpp0 / micronsPerPixel)} pixels.
     *
     * @throws SlideException when the slide does not know its pixel size
     */
    default ArrayImg<ARGBType, IntArray> readAtResolution(double micronsPerPixel, double x0, double y0,
                                                         double w0, double h0) throws IOException {
        double scale = requireMicronsPerPixel() / micronsPerPixel;
        int outWidth = (int) Math.max(1, Math.round(w0 * scale));
        int outHeight = (int) Math.max(1, Math.round(h0 * scale));
        return readScaled(x0, y0, w0, h0, outWidth, outHeight);
    }

    /** Releases file handles and native memory. */
    @Override
    void close() throws IOException;
}
