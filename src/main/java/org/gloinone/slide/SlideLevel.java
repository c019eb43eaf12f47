package org.gloinone.slide;

/**
 * One resolution level of a slide pyramid.
 *
 * @param width      width in pixels of this level
 * @param height     height in pixels of this level
 * @param downsample level-0 pixels per pixel of this level (1 for level 0; need not be an integer)
 */
public record SlideLevel(long width, long height, double downsample) {
    public SlideLevel {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("level size must be positive, got " + width + "x" + height);
        }
        if (!(downsample >= 1.0) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException("downsample must be >= 1, got " + downsample);
        }
    }
}
