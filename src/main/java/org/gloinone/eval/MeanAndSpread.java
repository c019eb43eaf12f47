package org.gloinone.eval;

/**
 * The mean, sample standard deviation and count of per-item scores (e.g. Dice per glomerulus).
 *
 * @param mean              arithmetic mean; NaN when there are no items
 * @param standardDeviation sample standard deviation (n - 1 in the denominator); NaN with fewer than 2 items
 * @param n                 number of items
 */
public record MeanAndSpread(double mean, double standardDeviation, int n) {

    /** Summarises the values. */
    public static MeanAndSpread of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new MeanAndSpread(Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanAndSpread(mean, Double.NaN, n);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanAndSpread(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
