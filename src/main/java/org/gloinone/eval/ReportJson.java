package org.gloinone.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.CoarseSlideCorrection;
import org.gloinone.model.ModelSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON summary that {@code glo-in-one evaluate} prints: one object per run, snake_case keys, undefined
 * scores (NaN) as {@code null}.
 */
public final class ReportJson {
    /** The per-fold score that counts the fold's items. */
    private static final String FOLD_SIZE = "n";
    private static final String HELD_OUT_SLIDES = "held_out_slides";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** The summary of a segmentation run. */
    public static String segmentation(ModelSpec model, String layout, SegmentationReport r) {
        ObjectNode root = header("segment", model);
        root.put("layout", layout);
        root.put("n", r.dice().n());
        summary(root.putObject("dice"), r.dice());
        summary(root.putObject("iou"), r.iou());
        summary(root.putObject("relative_area_error"), r.relativeAreaError());
        return text(root);
    }

    /**
     * A crops segmentation summary with the sweep over pixel sizes added under {@code resolutions}: per pixel size
     * n, Dice, IoU and the relative area error (mean, sd), and the folds' scores when folds were asked for.
     */
    public static String withSegmentationResolutions(String summary, double glomerulusRadiusMicrons,
                                                     List<SegmentationResolution> sweep) {
        ObjectNode root = parse(summary);
        root.put("assumed_glomerulus_radius_um", glomerulusRadiusMicrons);
        ArrayNode rows = root.putArray("resolutions");
        for (SegmentationResolution r : sweep) {
            ObjectNode n = rows.addObject();
            n.put("microns_per_pixel", r.micronsPerPixel());
            segmentationRow(n, r.report(), r.folds());
        }
        return text(root);
    }

    /** A segmentation summary with one row per stain shift under {@code stains}. */
    public static String withSegmentationStains(String summary, List<SegmentationStain> sweep) {
        return withStainRows(summary, sweep, SegmentationStain::stain,
                (n, s) -> segmentationRow(n, s.report(), s.folds()));
    }

    private static void segmentationRow(ObjectNode n, SegmentationReport report, FoldScores folds) {
        n.put("n", report.dice().n());
        summary(n.putObject("dice"), report.dice());
        summary(n.putObject("iou"), report.iou());
        summary(n.putObject("relative_area_error"), report.relativeAreaError());
        if (folds != null) {
            folds(n.putObject("folds"), folds, HELD_OUT_SLIDES);
        }
    }

    /** The summary of a classification run. */
    public static String classification(ModelSpec model, ClassificationReport r) {
        ObjectNode root = header("classify", model);
        BinaryConfusion c = r.confusion();
        root.put("n", c.total());
        root.put("positives", c.truePositives() + c.falseNegatives());
        root.put("negatives", c.trueNegatives() + c.falsePositives());
        number(root, "balanced_accuracy", c.balancedAccuracy());
        number(root, "f1", c.f1());
        number(root, "auc", r.auc());
        number(root, "sensitivity", c.sensitivity());
        number(root, "specificity", c.specificity());
        number(root, "precision", c.precision());
        number(root, "accuracy", c.accuracy());
        ObjectNode m = root.putObject("confusion_matrix");
        m.put("true_positives", c.truePositives());
        m.put("false_positives", c.falsePositives());
        m.put("true_negatives", c.trueNegatives());
        m.put("false_negatives", c.falseNegatives());
        if (r.hasNonGlomerularClass()) {
            root.put("rejected_as_non_glomerular", r.rejectedAsNonGlomerular());
        } else {
            root.putNull("rejected_as_non_glomerular");
        }
        return text(root);
    }

    /** The summary of a detection run over {@code images} tiles, without a resolution sweep. */
    public static String detection(ModelSpec model, double micronsPerPixel, double minAreaUm2,
                                   boolean borderCutIgnored, int images, DetectionScores s) {
        return detection(model, micronsPerPixel, minAreaUm2, borderCutIgnored, images, s, List.of());
    }

    /**
     * The summary of a detection run over {@code images} tiles: the scores at the tiles' own pixel size, the count
     * errors image by image, and the scores at each swept pixel size.
     */
    public static String detection(ModelSpec model, double micronsPerPixel, double minAreaUm2,
                                   boolean borderCutIgnored, int images, DetectionScores s,
                                   List<ResolutionScores> sweep) {
        ObjectNode root = header("detect", model);
        root.put("images", images);
        root.put("microns_per_pixel", micronsPerPixel);
        root.put("min_area_um2", minAreaUm2);
        root.put("border_cut_ignored", borderCutIgnored);
        number(root, "ap", s.averagePrecision());
        number(root, "ap50", s.ap50());
        number(root, "ap75", s.ap75());
        ObjectNode per = root.putObject("ap_per_iou");
        List<Double> ap = s.apPerThreshold();
        for (int i = 0; i < ap.size(); i++) {
            number(per, String.format(Locale.ROOT, "%.2f", 0.5 + 0.05 * i), ap.get(i));
        }
        root.put("score_threshold", s.scoreThreshold());
        number(root, "recall", s.recall());
        number(root, "precision", s.precision());
        root.put("ground_truths", s.truths());
        root.put("ignore_regions", s.ignoreRegions());
        root.put("detections", s.detections());
        root.put("ignored_detections", s.ignored());
        counts(root.putObject("count"), s.counts());
        ArrayNode perImage = root.putArray("per_image");
        for (ImageCount c : s.counts().images()) {
            ObjectNode n = perImage.addObject();
            n.put("image", c.name());
            n.put("truth", c.truth());
            n.put("found", c.found());
            n.put("signed_error", c.signedError());
            n.put("absolute_error", c.absoluteError());
            number(n, "relative_error", c.relativeError());
            if (c.hasClasses()) {
                n.put("true_sclerosed", c.truthSclerosed());
                n.put("found_sclerosed", c.foundSclerosed());
                number(n, "true_percent_sclerosed", c.truePercentSclerosed());
                number(n, "found_percent_sclerosed", c.foundPercentSclerosed());
                number(n, "percent_sclerosed_error", c.percentSclerosedError());
            }
        }
        if (!sweep.isEmpty()) {
            ArrayNode rows = root.putArray("resolutions");
            for (ResolutionScores r : sweep) {
                ObjectNode n = rows.addObject();
                n.put("microns_per_pixel", r.micronsPerPixel());
                number(n, "ap", r.scores().averagePrecision());
                number(n, "ap50", r.scores().ap50());
                number(n, "recall", r.scores().recall());
                number(n, "precision", r.scores().precision());
                counts(n.putObject("count"), r.scores().counts());
            }
        }
        return text(root);
    }

    private static void counts(ObjectNode node, CountErrors c) {
        node.put("truth", c.truth());
        node.put("found", c.found());
        number(node, "mean_signed_error", c.meanSignedError());
        number(node, "mean_absolute_error", c.meanAbsoluteError());
        number(node, "mean_relative_error", c.meanRelativeError());
        number(node, "mean_absolute_relative_error", c.meanAbsoluteRelativeError());
        number(node, "mean_absolute_percent_sclerosed_error", c.meanAbsolutePercentSclerosedError());
    }

    /**
     * A summary with the scores split by leave-slides-out folds added under {@code folds}: per fold the held-out
     * slides and scores, then each score's mean and sd across folds.
     */
    public static String withFolds(String summary, FoldScores folds) {
        return withFolds(summary, folds, HELD_OUT_SLIDES);
    }

    /** As {@link #withFolds(String, FoldScores)}, naming what each fold holds out (e.g. tiles) with {@code heldOutKey}. */
    public static String withFolds(String summary, FoldScores folds, String heldOutKey) {
        ObjectNode root = parse(summary);
        folds(root.putObject("folds"), folds, heldOutKey);
        return text(root);
    }

    /**
     * A classification summary with the scores of the crops rendered at other pixel sizes added under
     * {@code resolutions}, and the glomerulus radius that gave each crop its pixel size.
     */
    public static String withClassificationResolutions(String summary, double glomerulusRadiusMicrons,
                                                       List<ClassificationResolution> sweep) {
        ObjectNode root = parse(summary);
        root.put("assumed_glomerulus_radius_um", glomerulusRadiusMicrons);
        resolutionRows(root.putArray("resolutions"), sweep);
        return text(root);
    }

    /**
     * A classification summary with a chosen coarse-slide correction added under {@code coarse_slide_correction}:
     * the model's own, the one chosen on all crops and, with folds, the sweep decided fold by fold.
     *
     * @param crossValidated the fold-by-fold choice, or null without folds
     */
    public static String withCoarseCorrection(String summary, CoarseCorrectionChoice.Objective objective,
                                              CoarseCorrectionChoice chosen,
                                              CoarseCorrectionChoice.CrossValidated crossValidated) {
        ObjectNode root = parse(summary);
        ObjectNode n = root.putObject("coarse_slide_correction");
        n.put("objective", objective.word());
        correction(n.putObject("chosen"), chosen);
        if (crossValidated != null) {
            ObjectNode cv = n.putObject("cross_validated");
            ArrayNode choices = cv.putArray("per_fold_choices");
            crossValidated.choices().forEach(c -> correction(choices.addObject(), c));
            resolutionRows(cv.putArray("resolutions"), crossValidated.sweep());
        }
        return text(root);
    }

    private static void correction(ObjectNode n, CoarseCorrectionChoice c) {
        correction(n, c.correction());
        number(n, "mean_balanced_accuracy", c.meanBalancedAccuracy());
        number(n, "mean_slide_sclerosed_error", c.meanSlideSclerosedError());
    }

    private static void resolutionRows(ArrayNode rows, List<ClassificationResolution> sweep) {
        for (ClassificationResolution r : sweep) {
            ObjectNode n = rows.addObject();
            n.put("microns_per_pixel", r.micronsPerPixel());
            classificationRow(n, r.report(), r.folds());
        }
    }

    /**
     * A classification summary with the scores of the crops under each stain shift added under {@code stains}.
     */
    public static String withClassificationStains(String summary, List<ClassificationStain> sweep) {
        return withStainRows(summary, sweep, ClassificationStain::stain,
                (n, s) -> classificationRow(n, s.report(), s.folds()));
    }

    /** The summary with one row per item of {@code sweep} under {@code stains}: the shift, then the scores. */
    private static <T> String withStainRows(String summary, List<T> sweep, Function<T, StainShift> stain,
                                            BiConsumer<ObjectNode, T> scores) {
        ObjectNode root = parse(summary);
        ArrayNode rows = root.putArray("stains");
        for (T item : sweep) {
            ObjectNode n = rows.addObject();
            stainFields(n, stain.apply(item));
            scores.accept(n, item);
        }
        return text(root);
    }

    /** A summary with the stain shift its images were restained by, or the summary itself for none. */
    public static String withStain(String summary, StainShift stain) {
        if (stain == null) {
            return summary;
        }
        ObjectNode root = parse(summary);
        stainFields(root, stain);
        return text(root);
    }

    private static void stainFields(ObjectNode n, StainShift stain) {
        n.put("stain", stain.word());
        n.put("haematoxylin_factor", stain.haematoxylin());
        n.put("eosin_factor", stain.eosin());
    }

    private static void classificationRow(ObjectNode n, ClassificationReport report, FoldScores folds) {
        BinaryConfusion c = report.confusion();
        n.put("n", c.total());
        number(n, "balanced_accuracy", c.balancedAccuracy());
        number(n, "auc", report.auc());
        number(n, "sensitivity", c.sensitivity());
        number(n, "specificity", c.specificity());
        n.put("normal_called_sclerosed", c.falsePositives());
        n.put("sclerosed_called_normal", c.falseNegatives());
        number(n, "percent_sclerosed_error", c.positiveShareErrorPoints());
        if (report.hasNonGlomerularClass()) {
            n.put("rejected_as_non_glomerular", report.rejectedAsNonGlomerular());
        }
        if (folds != null) {
            folds(n.putObject("folds"), folds, HELD_OUT_SLIDES);
        }
    }

    private static void folds(ObjectNode node, FoldScores folds, String heldOutKey) {
        node.put("k", folds.perFold().size());
        ArrayNode per = node.putArray("per_fold");
        for (int f = 0; f < folds.perFold().size(); f++) {
            ObjectNode n = per.addObject();
            ArrayNode slides = n.putArray(heldOutKey);
            folds.heldOut().get(f).forEach(slides::add);
            folds.perFold().get(f).forEach((k, v) -> {
                if (k.equals(FOLD_SIZE)) {
                    n.put(k, Math.round(v)); // a count
                } else {
                    number(n, k, v);
                }
            });
        }
        folds.summary().forEach((k, v) -> {
            if (!k.equals(FOLD_SIZE)) { // the folds' sizes are listed above; their mean describes no model
                summary(node.putObject(k), v);
            }
        });
    }

    /**
     * A detection summary with the thresholds chosen on its images added under {@code chosen_thresholds}.
     *
     * @param images the images (tile and pixel size pairs) the choice was made on
     */
    public static String withChoice(String summary, OperatingPoints.Choice c, int images) {
        ObjectNode root = parse(summary);
        ObjectNode n = root.putObject("chosen_thresholds");
        choice(n, c);
        n.put("images", images);
        return text(root);
    }

    /**
     * A summary with thresholds chosen on all folds' images (see {@link #withChoice}) and, under
     * {@code chosen_thresholds.cross_validated}, what each fold gets from a choice made on the other folds, and the
     * mean and sd of their F1.
     */
    public static String withChoice(String summary, OperatingPoints.Choice c, int images,
                                    List<OperatingPoints.Choice> perFold) {
        ObjectNode root = parse(withChoice(summary, c, images));
        ObjectNode cv = ((ObjectNode) root.get("chosen_thresholds")).putObject("cross_validated");
        ArrayNode rows = cv.putArray("per_fold");
        perFold.forEach(f -> choice(rows.addObject(), f));
        summary(cv.putObject("f1"), MeanAndSpread.of(perFold.stream().mapToDouble(OperatingPoints.Choice::f1)
                .filter(Double::isFinite).toArray()));
        return text(root);
    }

    /** A summary whose chosen thresholds were written into these rdf.yaml files ({@code chosen_thresholds.recorded_in}). */
    public static String withRecordedThresholds(String summary, List<String> rdfFiles) {
        ObjectNode root = parse(summary);
        ArrayNode files = ((ObjectNode) root.get("chosen_thresholds")).putArray("recorded_in");
        rdfFiles.forEach(files::add);
        return text(root);
    }

    /**
     * A summary with what the models' own thresholds give on the images of a threshold choice, under
     * {@code model_thresholds}, to set beside the chosen ones.
     */
    public static String withModelThresholds(String summary, OperatingPoints.Choice c) {
        ObjectNode root = parse(summary);
        choice(root.putObject("model_thresholds"), c);
        return text(root);
    }

    private static void choice(ObjectNode n, OperatingPoints.Choice c) {
        n.put("score_threshold", c.scoreThreshold());
        n.put("reject_threshold", c.rejectThreshold());
        number(n, "f1", c.f1());
        n.put("true_positives", c.truePositives());
        n.put("false_positives", c.falsePositives());
        n.put("false_negatives", c.falseNegatives());
    }

    /** The summary of a cross-validated training: the task, the command and the folds' scores. */
    public static String crossValidation(String task, String command, FoldScores folds) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("task", task);
        root.put("command", command);
        return withFolds(text(root), folds);
    }

    /**
     * A summary of pooled fold models with the training command of their {@link #crossValidation} summary added
     * under {@code recipe_command}: the report then names the recipe it judges, not only its fold packages.
     */
    public static String withRecipe(String summary, String crossValidation) {
        ObjectNode root = parse(summary);
        root.put("recipe_command", parse(crossValidation).path("command").asText(""));
        return text(root);
    }

    /**
     * {@code summary} with {@code decided_as}: the package whose rejection threshold and coarse-slide correction
     * decided every crop instead of the classifiers' own (null where it has none).
     */
    public static String withDecisionRules(String summary, String packageFolder, ClassifyConfig rules) {
        ObjectNode root = parse(summary);
        ObjectNode d = root.putObject("decided_as");
        d.put("package", packageFolder);
        if (rules.hasRejectThreshold()) {
            d.put("reject_threshold", rules.rejectThreshold());
        } else {
            d.putNull("reject_threshold");
        }
        CoarseSlideCorrection c = rules.coarseSlideCorrection();
        if (c != null && c.isActive()) {
            correction(d.putObject("coarse_slide_correction"), c);
        } else {
            d.putNull("coarse_slide_correction");
        }
        return text(root);
    }

    /**
     * The coarse-slide correction chosen in a {@link #withCoarseCorrection} summary.
     *
     * @throws IllegalArgumentException if the text is not such a summary
     */
    public static CoarseSlideCorrection chosenCoarseCorrection(String summary) {
        JsonNode chosen = parse(summary).path("coarse_slide_correction").path("chosen");
        if (!chosen.path("from_um_per_px").isNumber() || !chosen.path("sclerosed_logit_per_um_per_px").isNumber()) {
            throw new IllegalArgumentException("no coarse_slide_correction.chosen in the summary");
        }
        return new CoarseSlideCorrection(chosen.get("from_um_per_px").asDouble(),
                chosen.get("sclerosed_logit_per_um_per_px").asDouble());
    }

    /**
     * The slides each fold held out, in fold order, from a {@link #crossValidation} summary.
     *
     * @throws IllegalArgumentException if the text is not such a summary
     */
    public static List<Set<String>> heldOutSlides(String crossValidation) {
        JsonNode folds = parse(crossValidation).path("folds").path("per_fold");
        if (!folds.isArray() || folds.isEmpty()) {
            throw new IllegalArgumentException("no folds.per_fold list");
        }
        List<Set<String>> out = new ArrayList<>();
        for (JsonNode fold : folds) {
            JsonNode slides = fold.path(HELD_OUT_SLIDES);
            if (!slides.isArray()) {
                throw new IllegalArgumentException("fold " + (out.size() + 1) + " has no " + HELD_OUT_SLIDES + " list");
            }
            Set<String> set = new LinkedHashSet<>();
            slides.forEach(n -> set.add(n.asText()));
            out.add(set);
        }
        return out;
    }

    /**
     * The scores of a summary this class wrote, by name, in its order: its top-level numbers, and the mean of each
     * mean-and-sd object (e.g. {@code dice}); counts and settings are numbers too.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static Map<String, Double> scores(String summary) {
        JsonNode root;
        try {
            root = MAPPER.readTree(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON summary: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON summary: expected an object");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.asDouble());
            } else if (v.isObject() && v.has("mean") && v.has("sd")) {
                out.put(e.getKey(), v.get("mean").isNumber() ? v.get("mean").asDouble() : Double.NaN);
            }
        });
        return out;
    }

    private static ObjectNode parse(String summary) {
        try {
            return (ObjectNode) MAPPER.readTree(summary);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON summary: " + e.getMessage(), e);
        }
    }

    /** The keys of rdf.yaml's {@code classify.coarse_slide_correction}. */
    private static void correction(ObjectNode n, CoarseSlideCorrection c) {
        n.put("from_um_per_px", c.fromMicronsPerPixel());
        n.put("sclerosed_logit_per_um_per_px", c.sclerosedLogitPerMicronPerPixel());
    }

    private static ObjectNode header(String task, ModelSpec model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("task", task);
        ObjectNode m = root.putObject("model");
        m.put("name", model.name());
        m.put("version", model.version());
        return root;
    }

    private static void summary(ObjectNode node, MeanAndSpread s) {
        number(node, "mean", s.mean());
        number(node, "sd", s.standardDeviation());
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of numbers and strings must serialise", e);
        }
    }
}
