package org.gloinone.io;

import java.util.Objects;
import java.util.Optional;

/**
 * The image the classifier or segmenter saw for one glomerulus, and its mask, as the caller read them.
 *
 * @param glomerulusId the glomerulus id
 * @param className    its class (names the patch folder)
 * @param x            level-0 x of the patch's top-left corner
 * @param y            level-0 y of the patch's top-left corner
 * @param level0Width  width of the patch's area in level-0 pixels
 * @param level0Height height of the patch's area in level-0 pixels
 * @param width        image width in pixels
 * @param height       image height in pixels
 * @param argb         image pixels, 0xAARRGGBB, row by row
 * @param mask         the mask, one byte per pixel (non-zero = glomerulus), same size; empty when not segmented
 */
public record GlomerulusPatch(int glomerulusId, String className, long x, long y, long level0Width,
                              long level0Height, int width, int height, int[] argb, Optional<byte[]> mask) {
    public GlomerulusPatch {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(mask, "mask");
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("patch of G" + glomerulusId + ": " + argb.length + " pixels for "
                    + width + "x" + height);
        }
        if (mask.isPresent() && mask.get().length != width * height) {
            throw new IllegalArgumentException("mask of G" + glomerulusId + ": " + mask.get().length
                    + " pixels for " + width + "x" + height);
        }
    }
}
