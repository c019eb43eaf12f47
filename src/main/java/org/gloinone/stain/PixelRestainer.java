package org.gloinone.stain;

/**
 * Restains packed ARGB pixels by fixed stain factors, fast enough to run on every pixel a model reads. A stain factor
 * is a linear map of the optical densities ({@link HedColour#opticalDensityMap}), so a pixel costs three table
 * look-ups into densities, a 3 x 3 product and three look-ups back to channel values; alpha is kept.
 */
final class PixelRestainer {
    /** Optical densities from 0 to 1 in steps of 1/OUT_STEPS map back to channel values; 1 is 1e-6, black. */
    private static final int OUT_STEPS = 1 << 16;
    private static final double[] DENSITY_OF_VALUE = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            DENSITY_OF_VALUE[v] = HedColour.opticalDensity(v / 255.0);
        }
    }

    private final double[][] map;
    private final byte[] valueOfDensity = new byte[OUT_STEPS + 1];

    PixelRestainer(StainNormalisation factors) {
        this.map = HedColour.opticalDensityMap(factors.haematoxylin(), factors.eosin());
        for (int i = 0; i <= OUT_STEPS; i++) {
            double v = HedColour.channelValue(i / (double) OUT_STEPS);
            valueOfDensity[i] = (byte) Math.round(Math.min(1, Math.max(0, v)) * 255);
        }
    }

    /** The pixels restained, as a new array (a reader may hand out an array it keeps). */
    int[] restain(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double r = DENSITY_OF_VALUE[(p >> 16) & 0xff];
            double g = DENSITY_OF_VALUE[(p >> 8) & 0xff];
            double b = DENSITY_OF_VALUE[p & 0xff];
            out[i] = (p & 0xff000000) | value(r * map[0][0] + g * map[1][0] + b * map[2][0]) << 16
                    | value(r * map[0][1] + g * map[1][1] + b * map[2][1]) << 8
                    | value(r * map[0][2] + g * map[1][2] + b * map[2][2]);
        }
        return out;
    }

    /** The channel value of an optical density: below 0 is brighter than white (255), above 1 is black. */
    private int value(double density) {
        int step = (int) Math.round(density * OUT_STEPS);
        return valueOfDensity[Math.min(OUT_STEPS, Math.max(0, step))] & 0xff;
    }
}
