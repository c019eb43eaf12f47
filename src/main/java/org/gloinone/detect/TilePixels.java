package org.gloinone.detect;

import java.io.IOException;

import org.gloinone.model.Preprocessing;
import org.gloinone.slide.Slide;

/**
 * Reads square regions of a slide as network input. Parts outside the scanned area (transparent in
 * the slide's reads) become white, like glass, so a slide edge does not look like dark tissue.
 */
public final class TilePixels {
    private static final int GLASS = 0xffffffff;

    private TilePixels() {
    }

    /**
     * Reads a level-0 square resampled to {@code pixels x pixels}, as opaque ARGB.
     *
     * @throws IOException if the slide cannot be read
     */
    public static int[] readArgb(Slide slide, double x0, double y0, double size0, int pixels) throws IOException {
        int[] argb = slide.readScaled(x0, y0, size0, size0, pixels, pixels).update(null).getCurrentStorageArray();
        for (int i = 0; i < argb.length; i++) {
            int alpha = argb[i] >>> 24;
            if (alpha == 0) {
                argb[i] = GLASS;
            } else if (alpha < 255) {
                // Partly covered edge pixels were averaged with transparent black: blend them with glass.
                argb[i] = blendWithGlass(argb[i], alpha);
            }
        }
        return argb;
    }

    /**
     * Writes ARGB pixels as preprocessed RGB floats (HWC) into {@code out} from {@code offset}.
     */
    public static void toInput(int[] argb, Preprocessing preprocessing, float[] out, int offset) {
        preprocessing.apply(argb, out, offset);
    }

    private static int blendWithGlass(int p, int alpha) {
        int missing = 255 - alpha;
        int r = Math.min(255, ((p >> 16) & 0xff) + missing);
        int g = Math.min(255, ((p >> 8) & 0xff) + missing);
        int b = Math.min(255, (p & 0xff) + missing);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
