package org.gloinone.slide.tiff;

/**
 * YCbCr to RGB as libjpeg computes it (jdcolor.c: JFIF/ITU-R BT.601 full range in 16-bit fixed
 * point), so that our pixels match those of OpenSlide and other libjpeg-based readers exactly.
 */
final class YCbCr {
    private static final int SCALE = 16;
    private static final int HALF = 1 << (SCALE - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + HALF) >> SCALE;
            CB_B[i] = (fix(1.77200) * x + HALF) >> SCALE;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + HALF;
        }
    }

    private YCbCr() {
    }

    private static int fix(double v) {
        return (int) (v * (1L << SCALE) + 0.5);
    }

    /** Packs one YCbCr sample triple as opaque ARGB. */
    static int toArgb(int y, int cb, int cr) {
        int r = clamp(y + CR_R[cr]);
        int g = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALE));
        int b = clamp(y + CB_B[cb]);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
