package org.gloinone.model;

import java.util.Objects;
import java.util.Optional;

import org.gloinone.stain.StainDensities;

/**
 * The CircleNet settings of a detector package ({@code config: glo-in-one: detect:} in rdf.yaml).
 *
 * @param heatmapOutput      output name of the centre heatmap head, NHWC with 1 channel
 * @param offsetOutput       output name of the sub-pixel offset head, NHWC with 2 channels (dx, dy)
 * @param radiusOutput       output name of the radius head, NHWC with 1 channel
 * @param heatmapIsLogits    true when a sigmoid must still be applied to the heatmap
 * @param outputStride       input pixels per output cell (4 for CircleNet)
 * @param radiusInInputPixels true when the radius head is in input pixels; false when in output cells
 *                           (then multiplied by the stride)
 * @param topK               peaks kept per tile
 * @param scoreThreshold     default minimum score of a detection
 * @param nmsIou             circle IoU above which the lower-scored circle is suppressed (Glo-In-One: 0.35)
 * @param tileMicrons        tile edge in micrometres at the model's resolution
 * @param overlapMicrons     overlap between neighbouring tiles in micrometres; at least the largest glomerulus
 * @param minRadiusMicrons   the physical size prior: circles of a smaller radius in micrometres are no glomerulus
 *                           (0 when the package sets none)
 * @param maxRadiusMicrons   circles of a larger radius in micrometres are no glomerulus (infinite when none)
 * @param stainReference     the stain densities of the training slides: a run restains each slide to them before
 *                           it detects ({@code detect.stain_reference}); empty when the package sets none
 * @param testTimeViews      how many mirrored views of each tile the heads are averaged over
 *                           ({@code detect.test_time_views}: 1, 2 or 4; 1 when absent): the mirrors and the half
 *                           turn, which keep a tile's shape, see {@link ViewAveragingPredictor}
 * @param radiusScale        the radius head's output times this is a circle's radius ({@code detect.radius_scale};
 *                           1 when absent): a detector trained on other circles than the equal-area ones of the
 *                           evaluation (e.g. half the longer side of a mask's bounding box) states here how its radii
 *                           map to them, so that its circles, the patches cut around them and the size prior
 *                           speak of the same size
 */
public record DetectConfig(String heatmapOutput, String offsetOutput, String radiusOutput,
                           boolean heatmapIsLogits, int outputStride, boolean radiusInInputPixels,
                           int topK, double scoreThreshold, double nmsIou,
                           double tileMicrons, double overlapMicrons,
                           double minRadiusMicrons, double maxRadiusMicrons,
                           Optional<StainDensities> stainReference, int testTimeViews, double radiusScale) {
    /** The numbers of test-time views a detector may ask for: those that keep a tile's shape. */
    public static final java.util.Set<Integer> ALLOWED_VIEWS = java.util.Set.of(1, 2, 4);

    public DetectConfig {
        Objects.requireNonNull(stainReference, "detect.stain_reference");
        if (!ALLOWED_VIEWS.contains(testTimeViews)) {
            throw new IllegalArgumentException("detect.test_time_views must be 1, 2 or 4, got " + testTimeViews);
        }
        if (!(radiusScale > 0 && Double.isFinite(radiusScale))) {
            throw new IllegalArgumentException("detect.radius_scale must be a finite number above 0, got "
                    + radiusScale);
        }
        Checks.positive("detect.output_stride", outputStride);
        Checks.positive("detect.top_k", topK);
        Checks.unitInterval("detect.score_threshold", scoreThreshold);
        Checks.unitInterval("detect.nms_iou", nmsIou);
        Checks.positive("detect.tile_um", tileMicrons);
        if (!(overlapMicrons >= 0 && overlapMicrons < tileMicrons)) {
            throw new IllegalArgumentException("detect.overlap_um must be in [0, tile_um), got " + overlapMicrons);
        }
        if (!(minRadiusMicrons >= 0 && Double.isFinite(minRadiusMicrons))) {
            throw new IllegalArgumentException("detect.min_radius_um must be a finite number >= 0, got "
                    + minRadiusMicrons);
        }
        if (!(maxRadiusMicrons > minRadiusMicrons)) {
            throw new IllegalArgumentException("detect.max_radius_um must be above min_radius_um ("
                    + minRadiusMicrons + "), got " + maxRadiusMicrons);
        }
    }

    /** A detector whose radius head gives the circle's radius as it is. */
    public DetectConfig(String heatmapOutput, String offsetOutput, String radiusOutput,
                        boolean heatmapIsLogits, int outputStride, boolean radiusInInputPixels,
                        int topK, double scoreThreshold, double nmsIou,
                        double tileMicrons, double overlapMicrons,
                        double minRadiusMicrons, double maxRadiusMicrons,
                        Optional<StainDensities> stainReference, int testTimeViews) {
        this(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride, radiusInInputPixels, topK,
                scoreThreshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons, maxRadiusMicrons,
                stainReference, testTimeViews, 1);
    }

    /** A detector that reads each tile once. */
    public DetectConfig(String heatmapOutput, String offsetOutput, String radiusOutput,
                        boolean heatmapIsLogits, int outputStride, boolean radiusInInputPixels,
                        int topK, double scoreThreshold, double nmsIou,
                        double tileMicrons, double overlapMicrons,
                        double minRadiusMicrons, double maxRadiusMicrons,
                        Optional<StainDensities> stainReference) {
        this(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride, radiusInInputPixels, topK,
                scoreThreshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons, maxRadiusMicrons,
                stainReference, 1);
    }

    /** A detector without a stain reference: slides are detected on as they are stained. */
    public DetectConfig(String heatmapOutput, String offsetOutput, String radiusOutput,
                        boolean heatmapIsLogits, int outputStride, boolean radiusInInputPixels,
                        int topK, double scoreThreshold, double nmsIou,
                        double tileMicrons, double overlapMicrons, double minRadiusMicrons, double maxRadiusMicrons) {
        this(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride, radiusInInputPixels, topK,
                scoreThreshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons, maxRadiusMicrons,
                Optional.empty());
    }

    /** A detector without a size prior or a stain reference: every radius is kept. */
    public DetectConfig(String heatmapOutput, String offsetOutput, String radiusOutput,
                        boolean heatmapIsLogits, int outputStride, boolean radiusInInputPixels,
                        int topK, double scoreThreshold, double nmsIou,
                        double tileMicrons, double overlapMicrons) {
        this(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride, radiusInInputPixels, topK,
                scoreThreshold, nmsIou, tileMicrons, overlapMicrons, 0, Double.POSITIVE_INFINITY);
    }

    /** The same settings with this stain reference. */
    public DetectConfig withStainReference(StainDensities reference) {
        return new DetectConfig(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride,
                radiusInInputPixels, topK, scoreThreshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons,
                maxRadiusMicrons, Optional.of(reference), testTimeViews, radiusScale);
    }

    /** The same settings with another score threshold. */
    public DetectConfig withScoreThreshold(double threshold) {
        return new DetectConfig(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride,
                radiusInInputPixels, topK, threshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons,
                maxRadiusMicrons, stainReference, testTimeViews, radiusScale);
    }

    /** The same settings with another number of test-time views. */
    public DetectConfig withTestTimeViews(int views) {
        return new DetectConfig(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride,
                radiusInInputPixels, topK, scoreThreshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons,
                maxRadiusMicrons, stainReference, views, radiusScale);
    }

    /** The same settings with another radius scale. */
    public DetectConfig withRadiusScale(double scale) {
        return new DetectConfig(heatmapOutput, offsetOutput, radiusOutput, heatmapIsLogits, outputStride,
                radiusInInputPixels, topK, scoreThreshold, nmsIou, tileMicrons, overlapMicrons, minRadiusMicrons,
                maxRadiusMicrons, stainReference, testTimeViews, scale);
    }

    /** True when the package sets a size prior (a minimum or a maximum radius). */
    public boolean hasSizePrior() {
        return minRadiusMicrons > 0 || maxRadiusMicrons < Double.POSITIVE_INFINITY;
    }

    /** True when a circle of this radius in micrometres passes the size prior (both bounds included). */
    public boolean keepsRadius(double radiusMicrons) {
        return radiusMicrons >= minRadiusMicrons && radiusMicrons <= maxRadiusMicrons;
    }
}
