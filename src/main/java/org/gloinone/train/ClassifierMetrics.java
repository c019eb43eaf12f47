package org.gloinone.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gloinone.eval.RocAuc;

/** Classifier validation metrics from probabilities of the classes normal (0), sclerosed (1), other (2). */
final class ClassifierMetrics {
    private ClassifierMetrics() {
    }

    static Map<String, Double> of(float[] probs, int[] truth, int k) {
        int n = truth.length;
        int[] argmax = new int[n];
        int glom = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probs[i * k + c] > probs[i * k + best]) {
                    best = c;
                }
            }
            argmax[i] = best;
            if (truth[i] < 2) {
                glom++;
            }
        }
        // sclerosed vs normal among true glomeruli: score = p(S) / (p(S) + p(N))
        double[] score = new double[glom];
        boolean[] positive = new boolean[glom];
        int[] binPred = new int[glom];
        int[] binTruth = new int[glom];
        int j = 0;
        int otherHits = 0;
        int others = 0;
        for (int i = 0; i < n; i++) {
            if (truth[i] < 2) {
                double s = probs[i * k + 1] / Math.max(1e-12, probs[i * k + 1] + probs[i * k]);
                score[j] = s;
                positive[j] = truth[i] == 1;
                binPred[j] = s >= 0.5 ? 1 : 0;
                binTruth[j] = truth[i];
                j++;
            } else {
                others++;
                if (argmax[i] == 2) {
                    otherHits++;
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc_sclerosed_vs_normal", RocAuc.of(score, positive));
        m.put("balanced_accuracy_sclerosed_vs_normal", ValidationMetrics.balancedAccuracy(binPred, binTruth, 2));
        m.put("balanced_accuracy_3_classes", ValidationMetrics.balancedAccuracy(argmax, truth, k));
        m.put("non_glomerular_recall", others == 0 ? Double.NaN : otherHits / (double) others);
        m.put("validation_glomeruli", (double) glom);
        m.put("validation_windows", (double) others);
        return m;
    }
}
