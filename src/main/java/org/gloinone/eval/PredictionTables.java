package org.gloinone.eval;

import org.gloinone.io.CsvLine;
import java.util.List;
import java.util.Locale;

import org.gloinone.detect.Circle;

/** The per-item CSV tables of {@code glo-in-one evaluate --predictions}, to inspect errors one by one. */
public final class PredictionTables {
    private PredictionTables() {
    }

    /** {@code image,dice,iou,relative_area_error}: one row per glomerulus. */
    public static String segmentation(SegmentationReport r) {
        StringBuilder sb = new StringBuilder("image,dice,iou,relative_area_error\n");
        for (SegmentedItem i : r.items()) {
            sb.append(CsvLine.quote(i.name())).append(',').append(num(i.dice())).append(',').append(num(i.iou()))
                    .append(',').append(num(i.relativeAreaError())).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code image,slide,truth,predicted_class,sclerosed_score,predicted_sclerosed,p_<class>...}: one row per crop;
     * truth is 1 for globally sclerotic.
     */
    public static String classification(ClassificationReport r) {
        StringBuilder sb = new StringBuilder("image,slide,truth,predicted_class,sclerosed_score,predicted_sclerosed");
        for (String c : r.classNames()) {
            sb.append(',').append(CsvLine.quote("p_" + c));
        }
        sb.append('\n');
        for (ClassifiedCrop c : r.items()) {
            sb.append(CsvLine.quote(c.name())).append(',').append(CsvLine.quote(c.slideId())).append(',')
                    .append(c.globallySclerotic() ? 1 : 0).append(',').append(CsvLine.quote(c.predictedClass()))
                    .append(',').append(num(c.sclerosedScore())).append(',').append(c.predictedSclerosed() ? 1 : 0);
            for (double p : c.probabilities()) {
                sb.append(',').append(num(p));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code image,x,y,radius,score,matched,iou,truth_radius}: one row per detection at circle IoU 0.50.
     * {@code matched} is the 1-based ground-truth number in the tile ({@code gt3}), {@code ignore} for a detection in
     * an ignore region, or {@code none}; {@code iou} is with the matched ground truth, else the best with any;
     * {@code truth_radius} is the matched ground truth's equal-area radius (empty for no match), so that a
     * detector's radius bias can be read off the table ({@code detect.radius_scale}).
     */
    public static String detection(List<DetectionEvaluation.ImageResult> images) {
        StringBuilder sb = new StringBuilder("image,x,y,radius,score,matched,iou,truth_radius\n");
        for (DetectionEvaluation.ImageResult img : images) {
            for (DetectionOutcome o : img.outcomes()) {
                Circle c = o.detection().circle();
                String matched = switch (o.kind()) {
                    case TRUE_POSITIVE -> "gt" + (o.truthIndex() + 1);
                    case IGNORED -> "ignore";
                    case FALSE_POSITIVE -> "none";
                };
                sb.append(CsvLine.quote(img.name())).append(',').append(num(c.centerX())).append(',')
                        .append(num(c.centerY())).append(',').append(num(c.radius())).append(',')
                        .append(num(o.detection().score())).append(',').append(matched).append(',')
                        .append(num(o.iou())).append(',')
                        .append(o.kind() == DetectionOutcome.Kind.TRUE_POSITIVE
                                ? num(img.truth().glomeruli().get(o.truthIndex()).equalAreaCircle().radius()) : "")
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }
}
