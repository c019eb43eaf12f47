package org.gloinone.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Scores fold by fold in leave-slides-out cross-validation (see {@link SlideFolds}), and their mean ± sd: the figure
 * quoted for a model is the fold mean, not the score of one split.
 *
 * @param heldOut the slides held out in each fold
 * @param perFold the scores of each fold, by name (the same names in every fold, in a fixed order)
 */
public record FoldScores(List<Set<String>> heldOut, List<Map<String, Double>> perFold) {
    public FoldScores {
        if (heldOut.size() != perFold.size()) {
            throw new IllegalArgumentException(heldOut.size() + " folds but " + perFold.size() + " score sets");
        }
        heldOut = heldOut.stream().map(s -> Collections.unmodifiableSet(new TreeSet<>(s))).toList();
        perFold = perFold.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }

    /** Each score's mean and sample standard deviation across folds (a fold where it is undefined is left out). */
    public Map<String, MeanAndSpread> summary() {
        Map<String, MeanAndSpread> out = new LinkedHashMap<>();
        if (perFold.isEmpty()) {
            return out;
        }
        for (String key : perFold.get(0).keySet()) {
            out.put(key, MeanAndSpread.of(perFold.stream().map(m -> m.get(key))
                    .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    /**
     * A classification report split by folds: per fold n, balanced accuracy, AUC, sensitivity, specificity, F1,
     * the error of the % sclerosed in points and the share of true glomeruli rejected as non-glomerular.
     *
     * @param nonGlomerularClass the model's non-glomerular class, or null when it has none
     */
    public static FoldScores classification(ClassificationReport r, SlideFolds folds, String nonGlomerularClass) {
        return split(folds, r.items(), ClassifiedCrop::slideId, items -> {
            ClassificationReport fold = ClassificationReport.of(r.classNames(), items, nonGlomerularClass);
            BinaryConfusion m = fold.confusion();
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("n", (double) items.size());
            s.put("balanced_accuracy", m.balancedAccuracy());
            s.put("auc", fold.auc());
            s.put("sensitivity", m.sensitivity());
            s.put("specificity", m.specificity());
            s.put("f1", m.f1());
            s.put("percent_sclerosed_error", m.positiveShareErrorPoints());
            s.put("rejected_share", items.isEmpty() ? Double.NaN
                    : (double) fold.rejectedAsNonGlomerular() / items.size());
            return s;
        });
    }

    /**
     * A segmentation report of crops split by folds: per fold n and mean Dice and IoU.
     *
     * @param crops the crops the report scored, in its order (for their slides)
     */
    public static FoldScores segmentation(SegmentationReport r, List<LabelledCrop> crops, SlideFolds folds) {
        if (crops.size() != r.items().size()) {
            throw new IllegalArgumentException(crops.size() + " crops but " + r.items().size() + " scores");
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            index.add(i);
        }
        return split(folds, index, i -> crops.get(i).slideId(), items -> {
            SegmentationReport fold = SegmentationReport.of(items.stream().map(i -> r.items().get(i)).toList());
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("n", (double) items.size());
            s.put("dice", fold.dice().mean());
            s.put("iou", fold.iou().mean());
            s.put("relative_area_error", fold.relativeAreaError().mean());
            return s;
        });
    }

    private static <T> FoldScores split(SlideFolds folds, List<T> items, Function<T, String> slide,
                                        Function<List<T>, Map<String, Double>> score) {
        List<Set<String>> held = new ArrayList<>();
        List<Map<String, Double>> per = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            int fold = f;
            held.add(folds.heldOut(f));
            per.add(score.apply(items.stream().filter(i -> folds.isHeldOut(fold, slide.apply(i))).toList()));
        }
        return new FoldScores(held, per);
    }
}
