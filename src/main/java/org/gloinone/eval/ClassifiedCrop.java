package org.gloinone.eval;

import java.util.List;

/**
 * The classifier's answer for one crop.
 *
 * @param name               the crop's image path
 * @param slideId            its slide
 * @param globallySclerotic  the truth
 * @param predictedClass     the class the pipeline would give it (non-glomerular included; see
 *                           {@link org.gloinone.classify.ClassDecision#decide})
 * @param probabilities      one probability per class, in the model's class order
 * @param sclerosedScore     the summed probability of the model's sclerosed classes (the score for AUC)
 * @param predictedSclerosed the binary decision (see {@link CropClassificationEvaluator})
 */
public record ClassifiedCrop(String name, String slideId, boolean globallySclerotic, String predictedClass,
                             List<Double> probabilities, double sclerosedScore, boolean predictedSclerosed) {
    public ClassifiedCrop {
        probabilities = List.copyOf(probabilities);
    }
}
