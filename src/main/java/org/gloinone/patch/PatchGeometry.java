package org.gloinone.patch;

import org.gloinone.detect.Circle;

/**
 * The square of the slide around one glomerulus that a patch shows: the circle's bounding square plus
 * a physical padding on each side, centred on the circle.
 *
 * @param x0    left edge in level-0 pixels
 * @param y0    top edge in level-0 pixels
 * @param size0 edge in level-0 pixels
 */
public record PatchGeometry(double x0, double y0, double size0) {
    public PatchGeometry {
        if (!(size0 > 0)) {
            throw new IllegalArgumentException("patch size must be > 0, got " + size0);
        }
    }

    /**
     * The bounding square of {@code circle} padded by {@code paddingMicrons} on each side. The padding is
     * kept physical: Glo-In-One pads 50 px at 0.25 um/px, i.e. 12.5 um, which is 25 px at 0.5 um/px.
     *
     * @param micronsPerPixel the slide's level-0 um/px
     */
    public static PatchGeometry around(Circle circle, double paddingMicrons, double micronsPerPixel) {
        if (!(micronsPerPixel > 0) || !(paddingMicrons >= 0)) {
            throw new IllegalArgumentException("padding " + paddingMicrons + " um at " + micronsPerPixel
                    + " um/px: padding must be >= 0 and um/px > 0");
        }
        double padding0 = paddingMicrons / micronsPerPixel;
        double half = circle.radius() + padding0;
        return new PatchGeometry(circle.centerX() - half, circle.centerY() - half, 2 * half);
    }

    /** Level-0 pixels per patch pixel when the square is resized to {@code patchSize}. */
    public double scale(int patchSize) {
        return size0 / patchSize;
    }

    /** Level-0 x of a patch x coordinate (patch pixels, 0 at the left edge). */
    public double toLevel0X(double patchX, int patchSize) {
        return x0 + patchX * scale(patchSize);
    }

    /** Level-0 y of a patch y coordinate. */
    public double toLevel0Y(double patchY, int patchSize) {
        return y0 + patchY * scale(patchSize);
    }
}
