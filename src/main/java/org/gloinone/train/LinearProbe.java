package org.gloinone.train;

/**
 * A linear probe: L2-regularised logistic regression on standardised features, each class weighted by the inverse
 * of its count (so that 0.5 is a balanced threshold), fitted by Newton's method. Deterministic: no sampling and
 * sums in a fixed order.
 */
final class LinearProbe {
    private static final int NEWTON_STEPS = 25;

    private final double[] mean;
    private final double[] scale;
    private final double[] w; // d weights then the bias

    private LinearProbe(double[] mean, double[] scale, double[] w) {
        this.mean = mean;
        this.scale = scale;
        this.w = w;
    }

    /**
     * Fits the probe.
     *
     * @param x      n x d features, row-major
     * @param y      the labels (both classes present)
     * @param lambda L2 factor on the weights (not the bias), per weighted sample
     */
    static LinearProbe fit(float[] x, boolean[] y, int d, double lambda) {
        int n = y.length;
        if (x.length != n * d) {
            throw new IllegalArgumentException("need " + n + " rows of " + d + " features");
        }
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("the probe needs both classes");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * d + j];
            }
            mean[j] = s / n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += (x[i * d + j] - mean[j]) * (x[i * d + j] - mean[j]);
            }
            scale[j] = Math.sqrt(v / n) > 1e-8 ? 1 / Math.sqrt(v / n) : 0;
        }
        double posWeight = n / (2.0 * positives);
        double negWeight = n / (2.0 * (n - positives));
        double[] w = new double[d + 1];
        double[] row = new double[d + 1];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                standardise(x, i, d, mean, scale, row);
                double p = sigmoid(dot(w, row));
                double c = y[i] ? posWeight : negWeight;
                double r = c * (p - (y[i] ? 1 : 0));
                double h = c * p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    grad[a] += r * row[a] / n;
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += h * row[a] * row[b] / n;
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b < a; b++) {
                    hess[b][a] = hess[a][b];
                }
                if (a < d) {
                    grad[a] += lambda * w[a];
                    hess[a][a] += lambda;
                } else {
                    hess[a][a] += 1e-9;
                }
            }
            double[] delta = solve(hess, grad);
            for (int a = 0; a <= d; a++) {
                w[a] -= delta[a];
            }
        }
        return new LinearProbe(mean, scale, w);
    }

    /** Probability of the positive class for each row of {@code x} (n x d). */
    double[] probabilities(float[] x, int d) {
        int n = x.length / d;
        double[] out = new double[n];
        double[] row = new double[d + 1];
        for (int i = 0; i < n; i++) {
            standardise(x, i, d, mean, scale, row);
            out[i] = sigmoid(dot(w, row));
        }
        return out;
    }

    private static void standardise(float[] x, int i, int d, double[] mean, double[] scale, double[] row) {
        for (int j = 0; j < d; j++) {
            row[j] = (x[i * d + j] - mean[j]) * scale[j];
        }
        row[d] = 1;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a is overwritten). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] x = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = x[col];
            x[col] = x[pivot];
            x[pivot] = tb;
            if (Math.abs(a[col][col]) < 1e-300) {
                throw new ArithmeticException("singular system");
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                x[r] -= f * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
