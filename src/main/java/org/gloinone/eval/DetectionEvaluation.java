package org.gloinone.eval;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Detection;

/**
 * Collects the detections and ground truths of a set of images and scores them (COCO-style AP over circle IoU).
 * Not thread-safe; add the images of one dataset, then call {@link #scores(double)}.
 */
public final class DetectionEvaluation {
    /** The COCO IoU thresholds 0.50, 0.55, ..., 0.95, in hundredths (exact). */
    private static final int[] IOU_PERCENT = {50, 55, 60, 65, 70, 75, 80, 85, 90, 95};

    private final List<ImageResult> images = new ArrayList<>();
    private final List<List<Detection>> detections = new ArrayList<>();

    /**
     * The matches of one image at IoU 0.50 (for the per-detection table).
     *
     * @param name     image name
     * @param truth    its ground truth
     * @param outcomes one outcome per detection at IoU 0.50, in the detections' order
     */
    public record ImageResult(String name, TileGroundTruth truth, List<DetectionOutcome> outcomes) {
        public ImageResult {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Adds one image.
     *
     * @return its matches at IoU 0.50
     */
    public ImageResult add(String name, List<Detection> imageDetections, TileGroundTruth truth) {
        ImageResult r = new ImageResult(name, truth, CircleMatcher.match(imageDetections, truth, 0.5));
        images.add(r);
        detections.add(List.copyOf(imageDetections));
        return r;
    }

    /** The images added so far. */
    public List<ImageResult> images() {
        return List.copyOf(images);
    }

    /**
     * Scores everything added.
     *
     * @param scoreThreshold detections at or above this score count for recall and precision
     */
    public DetectionScores scores(double scoreThreshold) {
        int truths = 0;
        int ignoreRegions = 0;
        int all = 0;
        for (int i = 0; i < images.size(); i++) {
            truths += images.get(i).truth().glomeruli().size();
            ignoreRegions += images.get(i).truth().ignoreRegions().size();
            all += detections.get(i).size();
        }
        List<Double> perThreshold = new ArrayList<>();
        double sum = 0;
        for (int percent : IOU_PERCENT) {
            List<DetectionOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                outcomes.addAll(percent == 50 ? images.get(i).outcomes()
                        : CircleMatcher.match(detections.get(i), images.get(i).truth(), percent / 100.0));
            }
            double ap = AveragePrecision.of(outcomes, truths);
            perThreshold.add(ap);
            sum += ap;
        }
        long tp = 0;
        long fp = 0;
        int ignored = 0;
        for (ImageResult r : images) {
            for (DetectionOutcome o : r.outcomes()) {
                if (o.kind() == DetectionOutcome.Kind.IGNORED) {
                    ignored++;
                }
                if (o.detection().score() < scoreThreshold) {
                    continue;
                }
                if (o.kind() == DetectionOutcome.Kind.TRUE_POSITIVE) {
                    tp++;
                } else if (o.kind() == DetectionOutcome.Kind.FALSE_POSITIVE) {
                    fp++;
                }
            }
        }
        double recall = truths == 0 ? Double.NaN : (double) tp / truths;
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        return new DetectionScores(sum / IOU_PERCENT.length, perThreshold.get(0), perThreshold.get(5), perThreshold,
                scoreThreshold, recall, precision, truths, ignoreRegions, all, ignored);
    }
}
