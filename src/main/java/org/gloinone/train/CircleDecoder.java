package org.gloinone.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gloinone.detect.Circle;

/**
 * Turns the detector heads of one image into scored circles for validation: 3 x 3 local maxima of the heatmap
 * above a threshold, the best {@code topK}, then greedy circle non-maximum suppression.
 */
final class CircleDecoder {
    private CircleDecoder() {
    }

    static List<ValidationMetrics.Scored> decode(int image, float[] heatLogits, float[] offset, float[] radius,
                                                 int base, int w, int h, int stride, double threshold, int topK,
                                                 double nmsIou) {
        List<ValidationMetrics.Scored> peaks = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = heatLogits[base + y * w + x];
                boolean max = true;
                for (int dy = -1; dy <= 1 && max; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h
                                && heatLogits[base + yy * w + xx] > v) {
                            max = false;
                            break;
                        }
                    }
                }
                double score = 1 / (1 + Math.exp(-v));
                if (max && score >= threshold) {
                    int k = base + y * w + x;
                    double r = Math.max(0.25, radius[k]) * stride;
                    peaks.add(new ValidationMetrics.Scored(image, new Circle((x + offset[2 * k]) * stride,
                            (y + offset[2 * k + 1]) * stride, r), score));
                }
            }
        }
        peaks.sort(Comparator.comparingDouble(ValidationMetrics.Scored::score).reversed());
        List<ValidationMetrics.Scored> kept = new ArrayList<>();
        for (ValidationMetrics.Scored p : peaks) {
            if (kept.size() >= topK) {
                break;
            }
            boolean suppressed = false;
            for (ValidationMetrics.Scored k : kept) {
                if (ValidationMetrics.circleIou(p.circle(), k.circle()) > nmsIou) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(p);
            }
        }
        return kept;
    }
}
