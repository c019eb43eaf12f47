package org.gloinone.eval;

import java.util.List;

/**
 * Scores of a classifier on the paper's binary task (globally sclerosed versus not).
 *
 * @param classNames             the model's classes, in order
 * @param items                  one answer per crop, in dataset order
 * @param confusion              the binary confusion matrix (positive = globally sclerosed)
 * @param auc                    ROC AUC of the sclerosed score, ties counted half; NaN if a class is absent
 * @param rejectedAsNonGlomerular true glomeruli whose most probable class is the non-glomerular class;
 *                               0 when the model has none
 * @param hasNonGlomerularClass  whether the model has a non-glomerular class
 */
public record ClassificationReport(List<String> classNames, List<ClassifiedCrop> items, BinaryConfusion confusion,
                                   double auc, int rejectedAsNonGlomerular, boolean hasNonGlomerularClass) {
    public ClassificationReport {
        classNames = List.copyOf(classNames);
        items = List.copyOf(items);
    }

    /**
     * The scores of decided crops.
     *
     * @param nonGlomerularClass the model's non-glomerular class, or null when it has none
     */
    public static ClassificationReport of(List<String> classNames, List<ClassifiedCrop> items,
                                          String nonGlomerularClass) {
        boolean[] truth = new boolean[items.size()];
        boolean[] predicted = new boolean[items.size()];
        double[] scores = new double[items.size()];
        int rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            ClassifiedCrop c = items.get(i);
            truth[i] = c.globallySclerotic();
            predicted[i] = c.predictedSclerosed();
            scores[i] = c.sclerosedScore();
            if (c.predictedClass().equals(nonGlomerularClass)) {
                rejected++;
            }
        }
        return new ClassificationReport(classNames, items, BinaryConfusion.of(truth, predicted),
                RocAuc.of(scores, truth), rejected, nonGlomerularClass != null);
    }
}
