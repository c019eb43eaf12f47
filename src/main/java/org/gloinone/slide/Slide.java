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

    /** Releases file handles and native memory. */
    @Override
    void close() throws IOException;
}
