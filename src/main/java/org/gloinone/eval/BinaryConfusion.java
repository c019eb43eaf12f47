package org.gloinone.eval;

/**
 * The confusion matrix of a two-class decision (positive = globally sclerosed) and the paper's scores.
 * Scores whose denominator is zero are NaN (undefined), never silently 0 or 1.
 *
 * @param truePositives  positives called positive
 * @param falsePositives negatives called positive
 * @param trueNegatives  negatives called negative
 * @param falseNegatives positives called negative
 */
public record BinaryConfusion(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {
    public BinaryConfusion {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0");
        }
    }

    /**
     * Counts the decisions against the truth.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static BinaryConfusion of(boolean[] truth, boolean[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " truths but " + predicted.length + " predictions");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
                if (predicted[i]) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryConfusion(tp, fp, tn, fn);
    }

    /** Number of items. */
    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** Sensitivity (recall of the positive class), TP / (TP + FN). */
    public double sensitivity() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Specificity (recall of the negative class), TN / (TN + FP). */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** Balanced accuracy: the mean of sensitivity and specificity, fair to imbalanced classes. */
    public double balancedAccuracy() {
        return (sensitivity() + specificity()) / 2;
    }

    /** Precision (positive predictive value), TP / (TP + FP). */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** F1 of the positive class, 2TP / (2TP + FP + FN). */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** Plain accuracy, (TP + TN) / total. */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /**
     * The share of items called positive minus the share that are positive, in percentage points: for
     * glomeruli, the error of the % globally sclerosed a pathologist reads.
     */
    public double positiveShareErrorPoints() {
        return 100 * ratio(falsePositives - falseNegatives, total());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
