package org.gloinone.stain;

/**
 * Colour deconvolution of a bright-field RGB pixel into its haematoxylin, eosin and DAB optical densities and back
 * (Ruifrok and Johnston 2001, with scikit-image's stain vectors). A section stained more or less strongly, or by
 * another lab's protocol, differs mostly by a factor on each stain's density: training jitters those factors
 * (the trainer's augmentation), evaluation applies fixed ones (the evaluation's stain shifts), and a run
 * undoes a slide's own ({@link StainNormalisation}).
 */
public final class HedColour {
    // skimage's rgb_from_hed, rows = stains H, E, DAB
    private static final double[][] RGB_FROM_HED = {{0.65, 0.70, 0.29}, {0.07, 0.99, 0.11}, {0.27, 0.57, 0.78}};
    private static final double[][] HED_FROM_RGB = invert(RGB_FROM_HED);
    /** Densities are in units of log(1e-6): a channel value of 1e-6 (black) has density 1. */
    private static final double LOG_ADJUST = Math.log(1e-6);

    private HedColour() {
    }

    /**
     * Restains one pixel in place: each stain's density d becomes {@code d * scale[s] + shift[s]} (s = H, E, DAB).
     * Channel values are in 0-1 (0 is read as 1e-6); the result is not clamped, so a caller may scale it further.
     */
    public static void restain(double[] rgb, double[] scale, double[] shift) {
        double od0 = Math.log(Math.max(rgb[0], 1e-6)) / LOG_ADJUST;
        double od1 = Math.log(Math.max(rgb[1], 1e-6)) / LOG_ADJUST;
        double od2 = Math.log(Math.max(rgb[2], 1e-6)) / LOG_ADJUST;
        double h = stain(od0, od1, od2, 0) * scale[0] + shift[0];
        double e = stain(od0, od1, od2, 1) * scale[1] + shift[1];
        double d = stain(od0, od1, od2, 2) * scale[2] + shift[2];
        for (int c = 0; c < 3; c++) {
            double o = h * RGB_FROM_HED[0][c] + e * RGB_FROM_HED[1][c] + d * RGB_FROM_HED[2][c];
            rgb[c] = Math.exp(o * LOG_ADJUST);
        }
    }

    /** The H, E and DAB densities of a pixel whose channel values are in 0-1 (0 is read as 1e-6). */
    public static double[] densities(double[] rgb) {
        double od0 = Math.log(Math.max(rgb[0], 1e-6)) / LOG_ADJUST;
        double od1 = Math.log(Math.max(rgb[1], 1e-6)) / LOG_ADJUST;
        double od2 = Math.log(Math.max(rgb[2], 1e-6)) / LOG_ADJUST;
        return new double[] {stain(od0, od1, od2, 0), stain(od0, od1, od2, 1), stain(od0, od1, od2, 2)};
    }

    /**
     * The linear map of a pixel's three optical densities (a row vector, in this class's units) that multiplies its
     * H density by {@code haematoxylin} and its E density by {@code eosin} and keeps its DAB: {@code od' = od * m}.
     */
    static double[][] opticalDensityMap(double haematoxylin, double eosin) {
        double[] scale = {haematoxylin, eosin, 1};
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int s = 0; s < 3; s++) {
                    m[i][j] += HED_FROM_RGB[i][s] * scale[s] * RGB_FROM_HED[s][j];
                }
            }
        }
        return m;
    }

    /** The optical density of a channel value in 0-1, in this class's units (0 is read as 1e-6, density 1). */
    static double opticalDensity(double value) {
        return Math.log(Math.max(value, 1e-6)) / LOG_ADJUST;
    }

    /** The channel value in 0-1 of an optical density in this class's units (the inverse of the above). */
    static double channelValue(double opticalDensity) {
        return Math.exp(opticalDensity * LOG_ADJUST);
    }

    /** Stain {@code s}'s density from the three channels' optical densities. */
    private static double stain(double od0, double od1, double od2, int s) {
        return od0 * HED_FROM_RGB[0][s] + od1 * HED_FROM_RGB[1][s] + od2 * HED_FROM_RGB[2][s];
    }

    private static double[][] invert(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[][] {
            {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
            {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
            {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
    }
}
