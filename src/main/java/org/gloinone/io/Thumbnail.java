package org.gloinone.io;

/**
 * A small picture of the whole slide for the overlay, as the caller read it.
 *
 * @param width      width in pixels
 * @param height     height in pixels
 * @param argb       pixels 0xAARRGGBB, row by row
 * @param downsample level-0 pixels per thumbnail pixel (e.g. 32.0)
 */
public record Thumbnail(int width, int height, int[] argb, double downsample) {
    public Thumbnail {
        if (width < 1 || height < 1 || argb.length != (long) width * height) {
            throw new IllegalArgumentException("thumbnail has " + argb.length + " pixels for " + width + "x" + height);
        }
        if (!(downsample > 0) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException("thumbnail downsample must be > 0, got " + downsample);
        }
    }
}
