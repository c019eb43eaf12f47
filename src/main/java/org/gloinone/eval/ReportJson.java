package org.gloinone.eval;

import java.util.List;
import java.util.Locale;

import org.gloinone.model.ModelSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON summary that {@code glo-in-one evaluate} prints: one object per run, snake_case keys, undefined
 * scores (NaN) as {@code null}.
 */
public final class ReportJson {
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
        return text(root);
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

    /** The summary of a detection run over {@code images} tiles. */
    public static String detection(ModelSpec model, double micronsPerPixel, double minAreaUm2,
                                   boolean borderCutIgnored, int images, DetectionScores s) {
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
        return text(root);
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
