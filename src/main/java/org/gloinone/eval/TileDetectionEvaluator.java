package org.gloinone.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Detection;

import org.gloinone.model.ModelException;

/**
 * Scores a detector on a tiles dataset: each whole tile is given to the detector at the tiles' pixel size; each
 * mask component of at least the minimum area is a ground-truth circle (centroid, equal-area radius) and smaller
 * components are ignore regions. Reports COCO-style AP over circle IoU (see {@link AveragePrecision}) and, per
 * tile, the count of glomeruli found against the truth.
 * <p>
 * With a classifier, detections it calls non-glomerular are dropped, as a run drops them, and the percent
 * sclerosed is reported where {@link TileClassLabels} give the true classes. A tile can also be rendered at a
 * coarser (or finer) pixel size first, to see how the detector holds when slides are exported at low
 * magnification; the truth stays at the tile's own resolution and the detections are mapped back to it. Tiles
 * can be restained first ({@link StainShift}), as another lab's sections would show them.
 */
public final class TileDetectionEvaluator {
    private final TileDetector detector;
    private final double micronsPerPixel;
    private final double minAreaUm2;
    private final boolean borderCutIgnored;
    private final double scoreThreshold;
    private final DetectionClassifier classifier;
    private final TileClassLabels labels;
    private final StainShift stain;

    /**
     * Sets up the evaluation.
     *
     * @param micronsPerPixel the tiles' pixel size (PNG files do not carry it)
     * @param minAreaUm2      the smallest component that is a ground truth, in µm² (the paper: 500)
     * @param scoreThreshold  the score at which recall, precision and counts are reported
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
        this(detector, null, null, micronsPerPixel, minAreaUm2, scoreThreshold, borderCutIgnored);
    }

    /**
     * As above, with the classification stage.
     *
     * @param classifier classifies the detections (drops the non-glomerular ones), or null for none
     * @param labels     the true classes of the tiles' glomeruli, or null when unknown
     */
    public TileDetectionEvaluator(TileDetector detector, DetectionClassifier classifier, TileClassLabels labels,
                                  double micronsPerPixel, double minAreaUm2, double scoreThreshold,
                                  boolean borderCutIgnored) {
        this(detector, classifier, labels, micronsPerPixel, minAreaUm2, scoreThreshold, borderCutIgnored, null);
    }

    /**
     * As above, with every tile restained first.
     *
     * @param stain the shift applied to each tile before it is rendered, or null for the tiles as they are
     */
    public TileDetectionEvaluator(TileDetector detector, DetectionClassifier classifier, TileClassLabels labels,
                                  double micronsPerPixel, double minAreaUm2, double scoreThreshold,
                                  boolean borderCutIgnored, StainShift stain) {
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
        this.classifier = classifier;
        this.labels = labels;
        this.micronsPerPixel = micronsPerPixel;
        this.minAreaUm2 = minAreaUm2;
        this.scoreThreshold = scoreThreshold;
        this.borderCutIgnored = borderCutIgnored;
        this.stain = stain;
    }

    /**
     * Detects on every tile at its own pixel size and scores the detections.
     *
     * @throws DatasetException if a tile or mask is missing, unreadable, or of different sizes
     * @throws ModelException   if the network fails
     * @throws IOException      if resampling fails
     */
    public DetectionReport evaluate(List<LabelledTile> tiles) throws DatasetException, ModelException, IOException {
        return evaluate(tiles, micronsPerPixel);
    }

    /**
     * Renders every tile at {@code renderMicronsPerPixel} (area average when coarser, bilinear when finer), detects
     * on it with that pixel size, and scores the detections, mapped back to the tile's pixels, against the truth.
     *
     * @throws DatasetException if a tile or mask is missing, unreadable, or of different sizes
     * @throws ModelException   if the network fails
     * @throws IOException      if resampling fails
     */
    public DetectionReport evaluate(List<LabelledTile> tiles, double renderMicronsPerPixel)
            throws DatasetException, ModelException, IOException {
        DetectionEvaluation evaluation = new DetectionEvaluation();
        for (LabelledTile t : tiles) {
            Seen seen = see(t, renderMicronsPerPixel);
            List<Detection> found = seen.detections();
            List<Boolean> sclerosed = null;
            if (seen.answers() != null) {
                List<Detection> kept = new ArrayList<>();
                sclerosed = new ArrayList<>();
                for (int i = 0; i < found.size(); i++) {
                    DetectionClassifier.Verdict v = seen.answers().get(i).verdict();
                    if (v != DetectionClassifier.Verdict.REJECTED) {
                        kept.add(found.get(i));
                        sclerosed.add(v == DetectionClassifier.Verdict.SCLEROSED);
                    }
                }
                found = kept;
            }
            List<Boolean> trueClasses = labels == null ? null : labels.sclerosed(t.name(), seen.truth());
            DetectionEvaluation.SclerosisLabels classes = sclerosed == null || trueClasses == null ? null
                    : new DetectionEvaluation.SclerosisLabels(trueClasses, sclerosed);
            evaluation.add(t.name(), found, seen.truth(), classes);
        }
        return new DetectionReport(evaluation.scores(scoreThreshold), evaluation.images());
    }

    /**
     * Every detection of every tile rendered at {@code renderMicronsPerPixel}, with the classifier's non-glomerular
     * probability, to choose the thresholds on (see {@link OperatingPoints}).
     *
     * @throws IllegalStateException if this evaluation has no classifier
     */
    public List<OperatingPoints.Image> operatingPointImages(List<LabelledTile> tiles, double renderMicronsPerPixel)
            throws DatasetException, ModelException, IOException {
        if (classifier == null) {
            throw new IllegalStateException("choosing a rejection threshold needs the classifier");
        }
        List<OperatingPoints.Image> out = new ArrayList<>();
        for (LabelledTile t : tiles) {
            Seen seen = see(t, renderMicronsPerPixel);
            out.add(new OperatingPoints.Image(t.name() + "@" + renderMicronsPerPixel, seen.truth(), seen.detections(),
                    seen.answers().stream().mapToDouble(DetectionClassifier.Answer::nonGlomerular).toArray()));
        }
        return out;
    }

    /** One tile as the stages saw it: its truth, the detections in its pixels, their answers (null without). */
    private record Seen(TileGroundTruth truth, List<Detection> detections, List<DetectionClassifier.Answer> answers) {
    }

    private Seen see(LabelledTile t, double renderMicronsPerPixel) throws DatasetException, ModelException, IOException {
        if (!(renderMicronsPerPixel > 0) || Double.isInfinite(renderMicronsPerPixel)) {
            throw new IllegalArgumentException("render pixel size (um/px) must be > 0, got " + renderMicronsPerPixel);
        }
        ImageAndMask im = ImageAndMask.read(t.image(), t.mask());
        TileGroundTruth truth = TileGroundTruth.fromMask(im.mask(), micronsPerPixel, minAreaUm2, borderCutIgnored);
        RgbImage image = stain == null ? im.image() : stain.apply(im.image());
        RenderedTile rendered = RenderedTile.of(image, micronsPerPixel, renderMicronsPerPixel);
        List<Detection> found = detector.detect(rendered.image(), rendered.micronsPerPixel());
        List<DetectionClassifier.Answer> answers = classifier == null ? null
                : classifier.classify(rendered.image(), rendered.micronsPerPixel(), found);
        return new Seen(truth, rendered.toTile(found), answers);
    }
}
