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
     * @param classes  which glomeruli and detections are sclerosed, or null when not known
     */
    public record ImageResult(String name, TileGroundTruth truth, List<DetectionOutcome> outcomes,
                              SclerosisLabels classes) {
        public ImageResult {
            outcomes = List.copyOf(outcomes);
            if (classes != null && (classes.truth().size() != truth.glomeruli().size()
                    || classes.detections().size() != outcomes.size())) {
                throw new IllegalArgumentException(name + ": " + classes.truth().size() + " true and "
                        + classes.detections().size() + " detected classes for " + truth.glomeruli().size()
                        + " glomeruli and " + outcomes.size() + " detections");
            }
        }

        /** The image's counts: detections at or above {@code scoreThreshold} outside ignore regions are found. */
        public ImageCount count(double scoreThreshold) {
            int found = 0;
            int foundSclerosed = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                DetectionOutcome o = outcomes.get(i);
                if (o.detection().score() >= scoreThreshold && o.kind() != DetectionOutcome.Kind.IGNORED) {
                    found++;
                    if (classes != null && classes.detections().get(i)) {
                        foundSclerosed++;
                    }
                }
            }
            if (classes == null) {
                return new ImageCount(name, truth.glomeruli().size(), found);
            }
            int truthSclerosed = (int) classes.truth().stream().filter(b -> b).count();
            return new ImageCount(name, truth.glomeruli().size(), found, truthSclerosed, foundSclerosed);
        }
    }

    /**
     * Which glomeruli of one image are globally sclerosed, in the truth and in the answer.
     *
     * @param truth      one flag per ground-truth glomerulus, in the ground truth's order
     * @param detections one flag per detection, in the detections' order
     */
    public record SclerosisLabels(List<Boolean> truth, List<Boolean> detections) {
        public SclerosisLabels {
            truth = List.copyOf(truth);
            detections = List.copyOf(detections);
        }
    }

    /**
     * Adds one image without classes.
     *
     * @return its matches at IoU 0.50
     */
    public ImageResult add(String name, List<Detection> imageDetections, TileGroundTruth truth) {
        return add(name, imageDetections, truth, null);
    }

    /**
     * Adds one image.
     *
     * @param classes which glomeruli and detections are sclerosed, or null when not known
     * @return its matches at IoU 0.50
     */
    public ImageResult add(String name, List<Detection> imageDetections, TileGroundTruth truth,
                           SclerosisLabels classes) {
        ImageResult r = new ImageResult(name, truth, CircleMatcher.match(imageDetections, truth, 0.5), classes);
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
        List<ImageCount> counts = images.stream().map(r -> r.count(scoreThreshold)).toList();
        return new DetectionScores(sum / IOU_PERCENT.length, perThreshold.get(0), perThreshold.get(5), perThreshold,
                scoreThreshold, recall, precision, truths, ignoreRegions, all, ignored, new CountErrors(counts));
    }
}
