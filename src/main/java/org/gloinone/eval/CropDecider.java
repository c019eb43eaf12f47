package org.gloinone.eval;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.classify.ClassDecision;
import org.gloinone.model.ClassifyConfig;

/**
 * Turns a classifier's probabilities for crops into the answers {@link CropClassificationEvaluator} scores, by the
 * pipeline's rule ({@link ClassDecision}), and gathers them into a report.
 */
final class CropDecider {
    private final ClassifyConfig config;
    private final ClassDecision decision;

    CropDecider(ClassifyConfig config) {
        this.config = config;
        this.decision = new ClassDecision(config);
    }

    /**
     * The same crops decided again under another configuration, e.g. another coarse-slide correction: the
     * network's probabilities are kept, the decisions follow {@code config} at {@code slideMicronsPerPixel}.
     */
    static ClassificationReport redecided(ClassificationReport r, ClassifyConfig config,
                                          double slideMicronsPerPixel) {
        CropDecider rule = new CropDecider(config);
        List<ClassifiedCrop> items = new ArrayList<>();
        for (ClassifiedCrop it : r.items()) {
            items.add(rule.classified(it.name(), it.slideId(), it.globallySclerotic(), it.probabilities(),
                    slideMicronsPerPixel));
        }
        return rule.report(items);
    }

    ClassifiedCrop classified(String name, String slideId, boolean truth, List<Double> p,
                                      double slideMicronsPerPixel) {
        List<String> classes = config.classNames();
        double sclerosedScore = 0;
        for (int k = 0; k < p.size(); k++) {
            if (decision.isSclerosed(k)) {
                sclerosedScore += p.get(k);
            }
        }
        int chosen = decision.decide(p, slideMicronsPerPixel);
        boolean predictedSclerosed = decision.isSclerosed(decision.glomerularClass(p, slideMicronsPerPixel));
        return new ClassifiedCrop(name, slideId, truth, classes.get(chosen), p, sclerosedScore, predictedSclerosed);
    }

    ClassificationReport report(List<ClassifiedCrop> items) {
        return ClassificationReport.of(config.classNames(), items, config.nonGlomerularClass());
    }
}
