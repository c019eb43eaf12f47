package org.gloinone.model;

/**
 * Per-channel affine input normalisation, {@code value = raw * scale[c] + offset[c]}, applied to
 * 8-bit RGB values (0-255). It expresses bioimage.io's {@code scale_linear} and, with fixed
 * statistics, {@code zero_mean_unit_variance} (scale = 1/std, offset = -mean/std).
 *
 * @param scale  three factors, for R, G and B
 * @param offset three offsets, for R, G and B
 */
public record Preprocessing(float[] scale, float[] offset) {
    public Preprocessing {
        if (scale.length != 3 || offset.length != 3) {
            throw new IllegalArgumentException("preprocessing needs 3 scales and 3 offsets (R, G, B)");
        }
        scale = scale.clone();
        offset = offset.clone();
    }

    /** Maps 0-255 to 0-1. */
    public static Preprocessing unitRange() {
        float s = 1f / 255f;
        return new Preprocessing(new float[] {s, s, s}, new float[] {0, 0, 0});
    }

    /** Scale for channel {@code c} (0 = R). */
    public float scale(int c) {
        return scale[c];
    }

    /** Offset for channel {@code c} (0 = R). */
    public float offset(int c) {
        return offset[c];
    }

    /**
     * Writes packed ARGB pixels as normalised RGB floats, HWC order, into {@code out} from {@code outOffset}.
     */
    public void apply(int[] argb, float[] out, int outOffset) {
        int o = outOffset;
        for (int p : argb) {
            out[o++] = ((p >> 16) & 0xff) * scale[0] + offset[0];
            out[o++] = ((p >> 8) & 0xff) * scale[1] + offset[1];
            out[o++] = (p & 0xff) * scale[2] + offset[2];
        }
    }
}
