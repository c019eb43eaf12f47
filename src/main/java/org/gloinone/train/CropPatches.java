package org.gloinone.train;

import java.util.Random;

/** Samples network patches from glomerulus crops, as the pipeline will cut them around a detected circle. */
final class CropPatches {
    private CropPatches() {
    }

    /** An augmented (or, with {@code rnd == null}, the plain) patch of the crop image and mask. */
    static FloatImage[] sample(GlomerulusCrop crop, int size, Augmenter aug, Random rnd) {
        double cx = crop.image().width() / 2.0;
        double cy = crop.image().height() / 2.0;
        double scale = crop.image().width() / (double) size;
        Warp warp = rnd == null ? new Warp(cx, cy, scale, 0, false) : aug.randomWarp(rnd, cx, cy, scale, size);
        FloatImage img = warp.sample(crop.image(), size);
        FloatImage mask = warp.sample(crop.mask(), size);
        if (rnd != null) {
            aug.jitterColour(rnd, img);
        }
        return new FloatImage[] {img, mask};
    }
}
