package org.gloinone.slide.tiff;

import java.io.IOException;

import org.gloinone.slide.Slide;

/** Supplies full-resolution pixels to {@link PyramidTiffWriter}, one rectangle at a time. */
@FunctionalInterface
public interface RegionSource {

    /**
     * Reads a rectangle that lies inside the image.
     *
     * @return {@code width * height} packed ARGB pixels, row-major
     */
    int[] read(long x, long y, int width, int height) throws IOException;

    /** Level 0 of an open slide as a source. */
    static RegionSource of(Slide slide) {
        return (x, y, w, h) -> slide.readRegion(0, x, y, w, h).update(null).getCurrentStorageArray();
    }
}
