package org.gloinone.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleIou;

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

    /** A scored detection on image {@code image}. */
    public record Scored(int image, Circle circle, double score) {
    }

    /**
     * Average precision at circle IoU {@code iou} (all-point interpolation, as PASCAL VOC 2010+): detections are
     * matched greedily by descending score to unmatched ground-truth circles of the same image.
     */
    public static double averagePrecision(List<Scored> detections, List<List<Circle>> truth, double iou) {
        return averagePrecision(detections, truth, truth.stream().map(t -> new boolean[t.size()]).toList(), iou);
    }

    /**
     * Average precision as above, where ground-truth circles flagged in {@code ignored} (e.g. glomeruli cut by the
     * image border) count neither as misses nor, when matched, as hits or false positives (PASCAL VOC "difficult").
     */
    public static double averagePrecision(List<Scored> detections, List<List<Circle>> truth, List<boolean[]> ignored,
                                          double iou) {
        int total = 0;
        for (boolean[] ig : ignored) {
            for (boolean b : ig) {
                total += b ? 0 : 1;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        List<Scored> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<boolean[]> used = new ArrayList<>();
        truth.forEach(t -> used.add(new boolean[t.size()]));
        List<Double> precisionList = new ArrayList<>();
        List<Double> recallList = new ArrayList<>();
        int tp = 0;
        int counted = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            List<Circle> gt = truth.get(s.image());
            int best = -1;
            double bestIou = iou;
            for (int g = 0; g < gt.size(); g++) {
                double v = CircleIou.of(s.circle(), gt.get(g));
                if (!used.get(s.image())[g] && v >= bestIou) {
                    best = g;
                    bestIou = v;
                }
            }
            if (best >= 0) {
                used.get(s.image())[best] = true;
                if (ignored.get(s.image())[best]) {
                    continue;
                }
                tp++;
            }
            counted++;
            precisionList.add(tp / (double) counted);
            recallList.add(tp / (double) total);
        }
        double[] precision = precisionList.stream().mapToDouble(Double::doubleValue).toArray();
        double[] recall = recallList.stream().mapToDouble(Double::doubleValue).toArray();
        double ap = 0;
        double prevRecall = 0;
        for (int i = 0; i < precision.length; i++) {
            double maxPrecision = Arrays.stream(precision, i, precision.length).max().orElse(0);
            ap += (recall[i] - prevRecall) * maxPrecision;
            prevRecall = recall[i];
        }
        return ap;
    }
}
