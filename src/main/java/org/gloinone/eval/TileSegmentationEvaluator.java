package org.gloinone.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Detection;
import org.gloinone.model.ModelException;

/**
 * Scores detection plus segmentation on a tiles dataset, per annotated glomerulus: each ground-truth glomerulus
 * (a mask component of at least the minimum area) is matched to a detection at circle IoU 0.50 (greedy by
 * score, as for AP, among detections at or above the score threshold) and scored against the mask the
 * segmenter predicts for that detection. A glomerulus no detection matches scores Dice 0 and IoU 0.
 */
public final class TileSegmentationEvaluator {
    private final TileDetector detector;
    private final GlomerulusSegmenter segmenter;
    private final double micronsPerPixel;
    private final double minAreaUm2;
    private final double scoreThreshold;

    /**
     * Sets up the evaluation.
     *
     * @param micronsPerPixel the tiles' pixel size
     * @param minAreaUm2      smaller components are not scored (fragments)
     * @param scoreThreshold  detections below this score are not used
     */
    public TileSegmentationEvaluator(TileDetector detector, GlomerulusSegmenter segmenter, double micronsPerPixel,
                                     double minAreaUm2, double scoreThreshold) {
        this.detector = detector;
        this.segmenter = segmenter;
        this.micronsPerPixel = micronsPerPixel;
        this.minAreaUm2 = minAreaUm2;
        this.scoreThreshold = scoreThreshold;
    }

    /**
     * Scores every annotated glomerulus of every tile.
     *
     * @throws DatasetException if a tile or mask is missing, unreadable, or of different sizes
     * @throws ModelException   if a network fails
     * @throws IOException      if resampling fails
     */
    public SegmentationReport evaluate(List<LabelledTile> tiles) throws DatasetException, ModelException, IOException {
        List<SegmentedItem> items = new ArrayList<>();
        for (LabelledTile t : tiles) {
            ImageAndMask im = ImageAndMask.read(t.image(), t.mask());
            TileGroundTruth truth = TileGroundTruth.fromMask(im.mask(), micronsPerPixel, minAreaUm2);
            List<Detection> detections = detector.detect(im.image(), micronsPerPixel).stream()
                    .filter(d -> d.score() >= scoreThreshold).toList();
            List<DetectionOutcome> outcomes = CircleMatcher.match(detections, truth, 0.5);
            Detection[] matched = new Detection[truth.glomeruli().size()];
            for (DetectionOutcome o : outcomes) {
                if (o.kind() == DetectionOutcome.Kind.TRUE_POSITIVE) {
                    matched[o.truthIndex()] = o.detection();
                }
            }
            for (int g = 0; g < matched.length; g++) {
                MaskComponent glomerulus = truth.glomeruli().get(g);
                BinaryMask annotated = glomerulus.toMask(im.image().width(), im.image().height());
                MaskOverlap o = matched[g] == null ? MaskOverlap.missed(glomerulus.area())
                        : MaskOverlap.of(annotated, segmenter.segment(im.image(), micronsPerPixel, matched[g].circle()));
                items.add(SegmentedItem.of(t.name() + "#" + (g + 1), o));
            }
        }
        return SegmentationReport.of(items);
    }
}
