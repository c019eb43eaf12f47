package org.gloinone.train;

import java.util.Locale;
import java.util.Map;

/**
 * Watches SimSiam for collapse (every image mapped to the same output): after each epoch the task reports the
 * per-dimension standard deviation of its L2-normalised projections, averaged over dimensions. Healthy outputs
 * spread over the unit sphere give about 1/sqrt(d); a collapse drives it to 0, and training then stops with a
 * {@link CollapseException}. Everything is passed on to the wrapped listener.
 */
public final class CollapseWatch implements TrainingListener {
    /** Metric name of the mean per-dimension standard deviation of the normalised projections. */
    public static final String SPREAD = "z_std";
    /** Metric name of its healthy value 1/sqrt(d). */
    public static final String HEALTHY = "z_std_healthy";
    /** Below this share of the healthy value the outputs count as collapsed. */
    public static final double COLLAPSED_SHARE = 0.2;

    private final TrainingListener next;
    private double lastSpread = Double.NaN;

    /** Watches the epochs reported to {@code next}. */
    public CollapseWatch(TrainingListener next) {
        this.next = next;
    }

    /** Raised when the outputs collapsed. */
    public static final class CollapseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CollapseException(String message) {
            super(message);
        }
    }

    /**
     * The mean over dimensions of the standard deviation over rows of the rows of {@code values} scaled to unit
     * length.
     *
     * @param values n x d, row-major
     */
    public static double spread(float[] values, int n, int d) {
        if (values.length != n * d || n < 2) {
            throw new IllegalArgumentException("need n >= 2 rows of " + d + " values");
        }
        double[] unit = new double[values.length];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) values[i * d + j] * values[i * d + j];
            }
            norm = Math.sqrt(Math.max(norm, 1e-24));
            for (int j = 0; j < d; j++) {
                unit[i * d + j] = values[i * d + j] / norm;
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += unit[i * d + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (unit[i * d + j] - mean) * (unit[i * d + j] - mean);
            }
            total += Math.sqrt(var / n);
        }
        return total / d;
    }

    /** The spread reported after the last epoch (NaN before the first). */
    public double lastSpread() {
        return lastSpread;
    }

    @Override
    public void step(int epoch, int step, int totalSteps, double loss, double etaSeconds) {
        next.step(epoch, step, totalSteps, loss, etaSeconds);
    }

    @Override
    public void epoch(int epoch, double meanLoss, Map<String, Double> metrics) {
        next.epoch(epoch, meanLoss, metrics);
        Double spread = metrics.get(SPREAD);
        Double healthy = metrics.get(HEALTHY);
        if (spread == null || healthy == null) {
            return;
        }
        lastSpread = spread;
        if (!(spread >= COLLAPSED_SHARE * healthy)) {
            throw new CollapseException(String.format(Locale.ROOT, "pretraining collapsed at epoch %d: the "
                    + "normalised outputs' per-dimension std is %.4f, healthy is about %.4f; try a lower --lr",
                    epoch, spread, healthy));
        }
    }
}
