package org.gloinone.eval;

import java.io.IOException;
import java.util.List;

import org.gloinone.model.ModelException;

/**
 * Scores a detector on a tiles dataset: each whole tile is given to the detector at the tiles' pixel size; each
 * mask component of at least the minimum area is a ground-truth circle (centroid, equal-area radius) and smaller
 * components are ignore regions. Reports COCO-style AP over circle IoU (see {@link AveragePrecision}).
 */
public final class TileDetectionEvaluator {
    private final TileDetector detector;
    private final double micronsPerPixel;
    private final double minAreaUm2;
    private final boolean borderCutIgnored;
    private final double scoreThreshold;

    /**
     * Sets up the evaluation.
     *
     * @param micronsPerPixel the tiles' pixel size (PNG files do not carry it)
     * @param minAreaUm2      the smallest component that is a ground truth, in µm² (the paper: 500)
     * @param scoreThreshold  the score at which recall and precision are reported
     */
    public TileDetectionEvaluator(TileDetector detector, double micronsPerPixel, double minAreaUm2,
                                  double scoreThreshold) {
        this(detector, micronsPerPixel, minAreaUm2, scoreThreshold, false);
    }

    /**
     * As above; with {@code borderCutIgnored}, glomeruli cut by a tile's edge are ignore regions (see
     * {@link TileGroundTruth#fromMask(BinaryMask, double, double, boolean)}).
     */
    public TileDetectionEvaluator(TileDetector detector, double micronsPerPixel, double minAreaUm2,
                                  double scoreThreshold, boolean borderCutIgnored) {
        if (!(micronsPerPixel > 0) || Double.isInfinite(micronsPerPixel)) {
            throw new IllegalArgumentException("pixel size (um/px) must be > 0, got " + micronsPerPixel);
        }
        if (!(minAreaUm2 >= 0) || Double.isInfinite(minAreaUm2)) {
            throw new IllegalArgumentException("minimum glomerulus area (um2) must be >= 0, got " + minAreaUm2);
        }
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException("score threshold must be in [0, 1], got " + scoreThreshold);
        }
        this.detector = detector;
        this.micronsPerPixel = micronsPerPixel;
        this.minAreaUm2 = minAreaUm2;
        this.scoreThreshold = scoreThreshold;
        this.borderCutIgnored = borderCutIgnored;
    }

    /**
     * Detects on every tile and scores the detections.
     *
     * @throws DatasetException if a tile or mask is missing, unreadable, or of different sizes
     * @throws ModelException   if the network fails
     * @throws IOException      if resampling fails
     */
    public DetectionReport evaluate(List<LabelledTile> tiles) throws DatasetException, ModelException, IOException {
        DetectionEvaluation evaluation = new DetectionEvaluation();
        for (LabelledTile t : tiles) {
            ImageAndMask im = ImageAndMask.read(t.image(), t.mask());
            TileGroundTruth truth = TileGroundTruth.fromMask(im.mask(), micronsPerPixel, minAreaUm2, borderCutIgnored);
            evaluation.add(t.name(), detector.detect(im.image(), micronsPerPixel), truth);
        }
        return new DetectionReport(evaluation.scores(scoreThreshold), evaluation.images());
    }
}
