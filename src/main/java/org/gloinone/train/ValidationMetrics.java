package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.eval.AveragePrecision;
import org.gloinone.eval.BinaryMask;
import org.gloinone.eval.CircleMatcher;
import org.gloinone.eval.ConnectedComponents;
import org.gloinone.eval.DetectionOutcome;
import org.gloinone.eval.MaskComponent;

/** The few validation metrics the trainer reports after each validation pass. */
public final class ValidationMetrics {
    private ValidationMetrics() {
    }

    /** Dice of two binary masks (value above 0.5); 1 when both are empty. */
    public static double dice(float[] predicted, float[] truth) {
        double inter = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < predicted.length; i++) {
            boolean p = predicted[i] > 0.5f;
            boolean t = truth[i] > 0.5f;
            if (p) {
                a++;
            }
            if (t) {
                b++;
            }
            if (p && t) {
                inter++;
            }
        }
        return a + b == 0 ? 1 : 2 * inter / (a + b);
    }

    /** Mean of the per-class recalls over the classes present in {@code truth}. */
    public static double balancedAccuracy(int[] predicted, int[] truth, int classes) {
        int[] hit = new int[classes];
        int[] count = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            count[truth[i]]++;
            if (predicted[i] == truth[i]) {
                hit[truth[i]]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (count[c] > 0) {
                sum += hit[c] / (double) count[c];
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /**
     * One validation image's detections and ground truth.
     *
     * @param width      image width in pixels
     * @param height     image height in pixels
     * @param detections the detector's circles with scores
     * @param truths     the glomeruli to find
     * @param ignored    glomeruli that count neither way (e.g. cut by the image border); a detection on one of
     *                   their pixels is ignored
     */
    public record ValidationImage(int width, int height, List<Detection> detections, List<Circle> truths,
                                  List<Circle> ignored) {
        public ValidationImage {
            detections = List.copyOf(detections);
            truths = List.copyOf(truths);
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * Average precision at circle IoU {@code iou} over images by the evaluation's own rules, so that training
     * reports what {@code evaluate detect} would: {@link CircleMatcher} matching with ignore regions and COCO
     * 101-point {@link AveragePrecision}.
     */
    public static double averagePrecision(List<ValidationImage> images, double iou) {
        List<DetectionOutcome> outcomes = new ArrayList<>();
        int truths = 0;
        for (ValidationImage image : images) {
            outcomes.addAll(CircleMatcher.match(image.detections(), image.truths(), ignoreRegions(image), iou));
            truths += image.truths().size();
        }
        return AveragePrecision.of(outcomes, truths);
    }

    private static List<MaskComponent> ignoreRegions(ValidationImage image) {
        if (image.ignored().isEmpty()) {
            return List.of();
        }
        boolean[] pixels = new boolean[image.width() * image.height()];
        for (Circle c : image.ignored()) {
            int x0 = Math.max(0, (int) Math.floor(c.centerX() - c.radius()));
            int x1 = Math.min(image.width() - 1, (int) Math.ceil(c.centerX() + c.radius()));
            int y0 = Math.max(0, (int) Math.floor(c.centerY() - c.radius()));
            int y1 = Math.min(image.height() - 1, (int) Math.ceil(c.centerY() + c.radius()));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double dx = x + 0.5 - c.centerX();
                    double dy = y + 0.5 - c.centerY();
                    pixels[y * image.width() + x] |= dx * dx + dy * dy <= c.radius() * c.radius();
                }
            }
        }
        return ConnectedComponents.of(new BinaryMask(image.width(), image.height(), pixels));
    }
}
