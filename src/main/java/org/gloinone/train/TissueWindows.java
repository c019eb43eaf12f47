package org.gloinone.train;

import java.util.List;
import java.util.Random;

import org.gloinone.detect.Circle;

/**
 * Samples square windows of tissue away from every glomerulus of a tile: the "non-glomerular" examples of the
 * classifier (the false-positive filter).
 */
final class TissueWindows {
    private TissueWindows() {
    }

    /**
     * A window of random side in [minSide, maxSide] tile pixels, resampled to size x size and randomly flipped and
     * rotated, whose square stays clear of every glomerulus circle; null if none was found in a few tries.
     */
    static FloatImage sample(KidneyTile tile, Random rnd, int size, double minSide, double maxSide) {
        FloatImage img = tile.image();
        for (int attempt = 0; attempt < 30; attempt++) {
            double side = minSide + rnd.nextDouble() * (maxSide - minSide);
            if (side >= Math.min(img.width(), img.height())) {
                side = Math.min(img.width(), img.height()) - 1;
            }
            double cx = side / 2 + rnd.nextDouble() * (img.width() - side);
            double cy = side / 2 + rnd.nextDouble() * (img.height() - side);
            if (clear(tile.circles(), cx, cy, side / 2)) {
                Warp w = new Warp(cx, cy, side / size, rnd.nextInt(4), rnd.nextBoolean());
                FloatImage patch = w.sample(img, size);
                if (tissueFraction(patch) > 0.3) {
                    return patch;
                }
            }
        }
        return null;
    }

    private static boolean clear(List<Circle> circles, double cx, double cy, double half) {
        for (Circle c : circles) {
            double dx = Math.max(Math.abs(c.centerX() - cx) - half, 0);
            double dy = Math.max(Math.abs(c.centerY() - cy) - half, 0);
            if (Math.hypot(dx, dy) < c.radius()) {
                return false;
            }
        }
        return true;
    }

    /** Share of pixels darker than the glass background. */
    static double tissueFraction(FloatImage rgb) {
        float[] d = rgb.data();
        int n = 0;
        for (int i = 0; i < d.length; i += 3) {
            if ((d[i] + d[i + 1] + d[i + 2]) / 3 < 0.85f) {
                n++;
            }
        }
        return n / (double) (d.length / 3);
    }
}
