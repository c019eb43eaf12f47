package org.gloinone.fiji;

import java.util.OptionalDouble;

/**
 * The level-0 size and pixel size of a slide: what the front doors need to map between an image shown in
 * ImageJ (possibly a downsampled thumbnail) and level-0 slide coordinates.
 *
 * @param width           level-0 width in pixels
 * @param height          level-0 height in pixels
 * @param micronsPerPixel level-0 pixel size in µm, empty when unknown
 */
public record SlideGeometry(long width, long height, OptionalDouble micronsPerPixel) {
    public SlideGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("slide size must be positive, got " + width + "x" + height);
        }
    }
}
