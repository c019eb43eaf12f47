package org.gloinone.eval;

/**
 * A single-channel float map (e.g. a segmenter's mask probabilities), row-major, and its bilinear resampling
 * back to the size of the image the patch was cut from.
 *
 * @param width  width in pixels
 * @param height height in pixels
 * @param values {@code width * height} values
 */
public record ProbabilityMap(int width, int height, float[] values) {
    public ProbabilityMap {
        if (width <= 0 || height <= 0 || values.length != (long) width * height) {
            throw new IllegalArgumentException("map of " + width + "x" + height + " cannot hold " + values.length
                    + " values");
        }
    }

    /**
     * Resamples bilinearly with pixel centres aligned (output pixel centre (i + 0.5) maps to input
     * (i + 0.5) * inW / outW), clamping at the borders. The map is smooth, so bilinear is adequate for
     * both enlarging and moderate shrinking.
     */
    public ProbabilityMap resized(int outWidth, int outHeight) {
        if (outWidth == width && outHeight == height) {
            return this;
        }
        float[] out = new float[outWidth * outHeight];
        double sx = (double) width / outWidth;
        double sy = (double) height / outHeight;
        for (int j = 0; j < outHeight; j++) {
            double fy = Math.max(0, Math.min(height - 1, (j + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(height - 1, y0 + 1);
            double wy = fy - y0;
            for (int i = 0; i < outWidth; i++) {
                double fx = Math.max(0, Math.min(width - 1, (i + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(width - 1, x0 + 1);
                double wx = fx - x0;
                double top = values[y0 * width + x0] * (1 - wx) + values[y0 * width + x1] * wx;
                double bottom = values[y1 * width + x0] * (1 - wx) + values[y1 * width + x1] * wx;
                out[j * outWidth + i] = (float) (top * (1 - wy) + bottom * wy);
            }
        }
        return new ProbabilityMap(outWidth, outHeight, out);
    }

    /**
     * The bilinear value at continuous position ({@code x}, {@code y}) of this map, where pixel (i, j) covers
     * [i, i+1) x [j, j+1); clamped at the borders.
     */
    public double sample(double x, double y) {
        double fx = Math.max(0, Math.min(width - 1, x - 0.5));
        double fy = Math.max(0, Math.min(height - 1, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double wx = fx - x0;
        double wy = fy - y0;
        double top = values[y0 * width + x0] * (1 - wx) + values[y0 * width + x1] * wx;
        double bottom = values[y1 * width + x0] * (1 - wx) + values[y1 * width + x1] * wx;
        return top * (1 - wy) + bottom * wy;
    }

    /** The mask of values strictly above {@code threshold}. */
    public BinaryMask threshold(double threshold) {
        return BinaryMask.fromProbabilities(width, height, values, threshold);
    }
}
