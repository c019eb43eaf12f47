package org.gloinone.cli;

/**
 * Cheap tissue-like test pixels: a near-white background with large irregular pink (eosin) regions
 * whose texture varies, sprinkled with purple (haematoxylin) nuclei and a little noise, so that JPEG
 * compresses it about as it does a real H&amp;E scan. Deterministic: the same rectangle always gives
 * the same pixels, whatever the order of requests. Not a model of kidney histology.
 */
final class SyntheticTissue {
    private static final int CELL = 24;        // nucleus grid spacing in pixels
    private static final int RADIUS2 = 6 * 6;  // squared nucleus radius

    private SyntheticTissue() {
    }

    /** The packed opaque ARGB pixels of a rectangle, row-major. */
    static int[] read(long x0, long y0, int width, int height) {
        // Separable low-frequency fields: sin(a x) cos(b y) + sin(c (x + y)), tabulated per row and column.
        double[] sx = new double[width];
        double[] sxc = new double[width];
        double[] cxc = new double[width];
        for (int i = 0; i < width; i++) {
            double x = x0 + i;
            sx[i] = Math.sin(x / 1300.0);
            sxc[i] = Math.sin(x / 2100.0);
            cxc[i] = Math.cos(x / 2100.0);
        }
        int[] out = new int[width * height];
        for (int j = 0; j < height; j++) {
            long y = y0 + j;
            double cy = Math.cos(y / 900.0);
            double syc = Math.sin(y / 2100.0);
            double cyc = Math.cos(y / 2100.0);
            for (int i = 0; i < width; i++) {
                long x = x0 + i;
                double field = sx[i] * cy + (sxc[i] * cyc + cxc[i] * syc);
                int noise = (int) (hash(x, y) & 7) - 3;
                int r;
                int g;
                int b;
                if (field < 0.35) {
                    r = 238 + noise;
                    g = 236 + noise;
                    b = 240 + noise;
                } else {
                    double depth = Math.min(1, (field - 0.35) * 2);
                    r = (int) (232 - 30 * depth) + noise;
                    g = (int) (170 - 60 * depth) + noise;
                    b = (int) (205 - 25 * depth) + noise;
                    if (isNucleus(x, y)) {
                        r = 95 + noise;
                        g = 60 + noise;
                        b = 150 + noise;
                    }
                }
                out[j * width + i] = 0xff000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        return out;
    }

    private static boolean isNucleus(long x, long y) {
        long cx = Math.floorDiv(x, CELL);
        long cy = Math.floorDiv(y, CELL);
        long h = hash(cx * 7919, cy * 104729);
        if ((h & 3) == 0) {
            return false; // a quarter of the cells have no nucleus
        }
        long nx = cx * CELL + 6 + ((h >>> 8) % (CELL - 12));
        long ny = cy * CELL + 6 + ((h >>> 16) % (CELL - 12));
        long dx = x - nx;
        long dy = y - ny;
        return dx * dx + dy * dy <= RADIUS2;
    }

    private static long hash(long x, long y) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (h ^ h >>> 29) & Long.MAX_VALUE;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
