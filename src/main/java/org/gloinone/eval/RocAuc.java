package org.gloinone.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve, exact, as the Mann-Whitney U statistic: the probability that a random positive
 * scores above a random negative, ties counting one half. Tied scores get the average of their ranks, which
 * is the same as the trapezoid under the ROC curve taken at every distinct score.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /**
     * The AUC of scores against the truth.
     *
     * @param scores   higher means more likely positive
     * @param positive the truth
     * @return AUC in [0, 1]; NaN when either class is absent (undefined)
     */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " truths");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j + 1) / 2.0; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }
}
