package org.gloinone.slide.tiff;

/**
 * A cheap, deterministic synthetic image with smooth gradients, edges and fine texture, and its
 * pyramid levels computed directly from the definition (2x2 rounded means, level by level).
 */
final class SyntheticSlide {
    private SyntheticSlide() {
    }

    /** The level-0 pixel at x, y (opaque ARGB). */
    static int pixel(long x, long y) {
        int r = (int) ((x / 7 + y / 5) & 0xff);
        int g = (int) (((x >> 6) ^ (y >> 6)) & 1) * 160 + (int) ((x * 31 + y * 17) % 61);
        long h = (x * 0x9E3779B97F4A7C15L + y * 0xC2B2AE3D27D4EB4FL) >>> 58;
        int b = (int) (((x + y) >> 3) & 0x7f) + (int) h;
        return 0xff000000 | r << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    /** A level-0 region, row-major. */
    static int[] region(long x, long y, int w, int h) {
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                out[j * w + i] = pixel(x + i, y + j);
            }
        }
        return out;
    }

    /** The pixel of pyramid level {@code k} at x, y by recursion over the 2x2 blocks of level k-1. */
    static int levelPixel(int k, long x, long y) {
        if (k == 0) {
            return pixel(x, y);
        }
        int p = levelPixel(k - 1, 2 * x, 2 * y);
        int q = levelPixel(k - 1, 2 * x + 1, 2 * y);
        int s = levelPixel(k - 1, 2 * x, 2 * y + 1);
        int t = levelPixel(k - 1, 2 * x + 1, 2 * y + 1);
        int argb = 0xff000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int sum = ((p >> shift) & 0xff) + ((q >> shift) & 0xff) + ((s >> shift) & 0xff) + ((t >> shift) & 0xff);
            argb |= ((sum + 2) / 4) << shift;
        }
        return argb;
    }
}
