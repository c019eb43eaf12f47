package org.gloinone.patch;

import java.io.IOException;

import org.gloinone.detect.Circle;
import org.gloinone.detect.TilePixels;
import org.gloinone.slide.Slide;

/**
 * Cuts the patch a classifier or segmenter sees around a circle: its bounding square plus physical
 * padding, resized to the network's patch size (area-averaged when shrinking, bilinear when enlarging,
 * read from the pyramid level just finer than needed). When the slide does not know its um/px, the
 * model's own um/px stands in for it, so the padding is the model's padding in pixels.
 */
public final class PatchExtractor {
    private final double paddingMicrons;
    private final int patchSize;
    private final double fallbackMicronsPerPixel;

    /**
     * @param paddingMicrons          padding on each side of the circle's bounding square
     * @param patchSize               patch edge in pixels
     * @param fallbackMicronsPerPixel um/px assumed for slides that do not say (the model's)
     */
    public PatchExtractor(double paddingMicrons, int patchSize, double fallbackMicronsPerPixel) {
        if (patchSize < 1 || !(paddingMicrons >= 0) || !(fallbackMicronsPerPixel > 0)) {
            throw new IllegalArgumentException("patch size " + patchSize + ", padding " + paddingMicrons
                    + " um, um/px " + fallbackMicronsPerPixel + ": size must be >= 1, padding >= 0, um/px > 0");
        }
        this.paddingMicrons = paddingMicrons;
        this.patchSize = patchSize;
        this.fallbackMicronsPerPixel = fallbackMicronsPerPixel;
    }

    /** Patch edge in pixels. */
    public int patchSize() {
        return patchSize;
    }

    /** Where the patch of {@code circle} lies on {@code slide}. */
    public PatchGeometry geometry(Slide slide, Circle circle) {
        double mpp = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent()
                ? (slide.micronsPerPixelX().getAsDouble() + slide.micronsPerPixelY().getAsDouble()) / 2
                : fallbackMicronsPerPixel;
        return PatchGeometry.around(circle, paddingMicrons, mpp);
    }

    /**
     * Reads the patch of {@code circle} as opaque ARGB, {@code patchSize x patchSize}, row-major.
     *
     * @throws IOException if the slide cannot be read
     */
    public int[] extract(Slide slide, Circle circle) throws IOException {
        PatchGeometry g = geometry(slide, circle);
        return TilePixels.readArgb(slide, g.x0(), g.y0(), g.size0(), patchSize);
    }
}
