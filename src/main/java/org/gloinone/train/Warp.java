package org.gloinone.train;

/**
 * A geometric sampling of a square output patch from a source image: centre, scale, a multiple of 90°
 * rotation and a mirror flip. The same warp applied to an image and its mask keeps them aligned.
 *
 * @param centerX source x of the patch centre
 * @param centerY source y of the patch centre
 * @param scale   source pixels per output pixel
 * @param quarterTurns rotation by multiples of 90° (0-3)
 * @param flip    mirror horizontally before rotating
 */
public record Warp(double centerX, double centerY, double scale, int quarterTurns, boolean flip) {

    /** The source position of output pixel (u, v) of a size x size patch, as {x, y}. */
    public double[] source(double u, double v, int size) {
        double a = u + 0.5 - size / 2.0;
        double b = v + 0.5 - size / 2.0;
        if (flip) {
            a = -a;
        }
        double x;
        double y;
        switch (quarterTurns & 3) {
            case 1 -> { x = -b; y = a; }
            case 2 -> { x = -a; y = -b; }
            case 3 -> { x = b; y = -a; }
            default -> { x = a; y = b; }
        }
        return new double[] {centerX + x * scale - 0.5, centerY + y * scale - 0.5};
    }

    /**
     * The output position of source point (x, y), in continuous coordinates (pixel i spans [i, i + 1)) on both
     * sides: the inverse of the mapping {@link #sample} uses.
     */
    public double[] toOutput(double x, double y, int size) {
        double a = (x - centerX) / scale;
        double b = (y - centerY) / scale;
        double p;
        double q;
        switch (quarterTurns & 3) {
            case 1 -> { p = b; q = -a; }
            case 2 -> { p = -a; q = -b; }
            case 3 -> { p = -b; q = a; }
            default -> { p = a; q = b; }
        }
        if (flip) {
            p = -p;
        }
        return new double[] {size / 2.0 + p, size / 2.0 + q};
    }

    /**
     * Bilinearly samples a size x size patch of {@code src} (all channels) under this warp; outside the source the
     * image is mirrored. When the scale is above 1.5 the source is pre-averaged over a small box to limit aliasing.
     */
    public FloatImage sample(FloatImage src, int size) {
        int ch = src.channels();
        float[] out = new float[size * size * ch];
        int box = scale > 1.5 ? (int) Math.round(scale / 2) : 0;
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double[] p = source(u, v, size);
                int o = (v * size + u) * ch;
                if (box == 0) {
                    bilinear(src, p[0], p[1], out, o);
                } else {
                    float[] acc = new float[ch];
                    int n = 0;
                    for (int dy = -box; dy <= box; dy += Math.max(1, box)) {
                        for (int dx = -box; dx <= box; dx += Math.max(1, box)) {
                            bilinear(src, p[0] + dx, p[1] + dy, out, o);
                            for (int c = 0; c < ch; c++) {
                                acc[c] += out[o + c];
                            }
                            n++;
                        }
                    }
                    for (int c = 0; c < ch; c++) {
                        out[o + c] = acc[c] / n;
                    }
                }
            }
        }
        return new FloatImage(size, size, ch, out);
    }

    private static void bilinear(FloatImage src, double x, double y, float[] out, int o) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        int w = src.width();
        int h = src.height();
        int xa = mirror(x0, w);
        int xb = mirror(x0 + 1, w);
        int ya = mirror(y0, h);
        int yb = mirror(y0 + 1, h);
        float[] d = src.data();
        int ch = src.channels();
        for (int c = 0; c < ch; c++) {
            float p00 = d[(ya * w + xa) * ch + c];
            float p10 = d[(ya * w + xb) * ch + c];
            float p01 = d[(yb * w + xa) * ch + c];
            float p11 = d[(yb * w + xb) * ch + c];
            out[o + c] = (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
        }
    }

    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
