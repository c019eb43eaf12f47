package org.gloinone.stain;

import java.io.IOException;
import java.util.Optional;

import org.gloinone.slide.Slide;

/**
 * How strongly a slide is stained: for haematoxylin and for eosin (PAS's magenta falls on the eosin vector), a high
 * quantile of the stain's density over the stained pixels, read at {@value #MICRONS_PER_PIXEL} um/px.
 * <p>
 * The statistic is scale-equivariant: multiply every pixel's density of a stain by k (a darker or paler section)
 * and its value is multiplied by k, because the pixels counted are chosen relative to the slide's own densest ones
 * (at least {@value #RELATIVE_FLOOR} of the 99.9th percentile), not by a fixed floor that a pale section would fall
 * under. Glass, transparent and near-black pixels (scanner borders, pen) do not count. The fixed resolution matters:
 * averaging over coarser pixels lowers the peaks (by about a third from 8 to 16 um/px).
 *
 * @param haematoxylin the 99th percentile of the H density over the counted pixels ({@link HedColour} units)
 * @param eosin        the same for the E density
 */
public record StainDensities(double haematoxylin, double eosin) {
    /** The resolution every estimate is made at, so that slides and the training data compare. */
    public static final double MICRONS_PER_PIXEL = 8.0;
    static final double RELATIVE_FLOOR = 0.2;
    private static final double QUANTILE = 0.99;
    private static final double PEAK_QUANTILE = 0.999;
    /** A peak density below this is glass or a blank image, with no stain to measure. */
    private static final double MIN_PEAK = 0.01;
    /** A pixel whose brightest channel is darker than this (of 255) is black, not stain. */
    private static final int BLACK = 20;
    /** Output rows read at once. */
    private static final int STRIP_ROWS = 64;
    /** About the most pixels an estimate reads: a 16 x 16 mm section at 8 um/px is read whole. */
    static final long MAX_PIXELS_READ = 4L << 20;

    public StainDensities {
        if (!(haematoxylin > 0 && eosin > 0 && Double.isFinite(haematoxylin) && Double.isFinite(eosin))) {
            throw new IllegalArgumentException("stain densities must be finite and above 0, got haematoxylin "
                    + haematoxylin + ", eosin " + eosin);
        }
    }

    /**
     * The slide's densities, read at {@link #MICRONS_PER_PIXEL}: whole when that is at most {@link #MAX_PIXELS_READ}
     * pixels, else as evenly spaced strips of {@value #STRIP_ROWS} rows that add up to about that many, so that a
     * gigapixel slide costs no more than a biopsy. Empty when the slide does not know its pixel size or holds no
     * stained pixel.
     *
     * @throws IOException if the slide cannot be read
     */
    public static Optional<StainDensities> of(Slide slide) throws IOException {
        if (slide.micronsPerPixelX().isEmpty() || slide.micronsPerPixelY().isEmpty()) {
            return Optional.empty();
        }
        double downsample = MICRONS_PER_PIXEL / slide.requireMicronsPerPixel();
        long w0 = slide.levels().get(0).width();
        long h0 = slide.levels().get(0).height();
        int width = (int) Math.max(1, Math.round(w0 / downsample));
        int height = (int) Math.max(1, Math.round(h0 / downsample));
        int strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
        int stripsRead = (int) Math.max(1, Math.min(strips, MAX_PIXELS_READ / ((long) width * STRIP_ROWS)));
        double rowHeight0 = (double) h0 / height;
        DensityHistograms histograms = new DensityHistograms();
        for (int k = 0; k < stripsRead; k++) {
            int row = (int) ((long) k * strips / stripsRead) * STRIP_ROWS;
            int rows = Math.min(STRIP_ROWS, height - row);
            int[] argb = slide.readScaled(0, row * rowHeight0, w0, rows * rowHeight0, width, rows)
                    .update(null).getCurrentStorageArray();
            histograms.add(argb);
        }
        return histograms.densities();
    }

    /**
     * The factors that restain this slide to {@code reference}: its densities measured, then {@link #towards} the
     * reference; {@link StainNormalisation#NONE} when they cannot be measured (no pixel size, no stained pixel).
     *
     * @throws IOException if the slide cannot be read
     */
    public static StainNormalisation restainingFactors(Slide slide, StainDensities reference) throws IOException {
        return of(slide).map(measured -> measured.towards(reference)).orElse(StainNormalisation.NONE);
    }

    /** The factors that take these densities to {@code reference}, each clamped to the allowed range. */
    public StainNormalisation towards(StainDensities reference) {
        return StainNormalisation.clamped(reference.haematoxylin() / haematoxylin, reference.eosin() / eosin);
    }

    /**
     * The densities of pixels already at {@link #MICRONS_PER_PIXEL} (packed ARGB). Empty when none is stained.
     */
    public static Optional<StainDensities> ofPixels(int[] argb) {
        DensityHistograms histograms = new DensityHistograms();
        histograms.add(argb);
        return histograms.densities();
    }

    /** Histograms of the two densities over the pixels that count, filled strip by strip. */
    private static final class DensityHistograms {
        private static final int BINS = 8192;
        /** Densities above this (a pixel darker than about 1 % transmission) share the last bin. */
        private static final double MAX_DENSITY = 0.5;
        private final long[] haematoxylin = new long[BINS];
        private final long[] eosin = new long[BINS];
        private final double[] rgb = new double[3];

        void add(int[] argb) {
            for (int p : argb) {
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                if ((p >>> 24) == 0 || Math.max(r, Math.max(g, b)) < BLACK) {
                    continue;
                }
                rgb[0] = r / 255.0;
                rgb[1] = g / 255.0;
                rgb[2] = b / 255.0;
                double[] d = HedColour.densities(rgb);
                haematoxylin[bin(d[0])]++;
                eosin[bin(d[1])]++;
            }
        }

        Optional<StainDensities> densities() {
            double h = stainStatistic(haematoxylin);
            double e = stainStatistic(eosin);
            return h > 0 && e > 0 ? Optional.of(new StainDensities(h, e)) : Optional.empty();
        }

        /** The quantile over the pixels at or above a floor relative to the peak; 0 when there is no stain. */
        private static double stainStatistic(long[] histogram) {
            double peak = quantile(histogram, 0, PEAK_QUANTILE);
            if (peak < MIN_PEAK) {
                return 0;
            }
            return quantile(histogram, bin(RELATIVE_FLOOR * peak), QUANTILE);
        }

        /** The q-quantile (a bin's centre) of the counts from bin {@code from} on; 0 when they are empty. */
        private static double quantile(long[] histogram, int from, double q) {
            long total = 0;
            for (int i = from; i < BINS; i++) {
                total += histogram[i];
            }
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = from; i < BINS; i++) {
                seen += histogram[i];
                if (seen >= rank) {
                    return (i + 0.5) * MAX_DENSITY / BINS;
                }
            }
            return (BINS - 0.5) * MAX_DENSITY / BINS;
        }

        /** Negative densities (a channel brighter than the stain model allows) count as none. */
        private static int bin(double density) {
            return (int) Math.min(BINS - 1, Math.max(0, Math.floor(density / MAX_DENSITY * BINS)));
        }
    }
}
