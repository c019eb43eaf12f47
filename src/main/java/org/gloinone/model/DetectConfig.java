package org.gloinone.model;

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
 */
public record DetectConfig(String heatmapOutput, String offsetOutput, String radiusOutput,
                           boolean heatmapIsLogits, int outputStride, boolean radiusInInputPixels,
                           int topK, double scoreThreshold, double nmsIou,
                           double tileMicrons, double overlapMicrons) {
    public DetectConfig {
        Checks.positive("detect.output_stride", outputStride);
        Checks.positive("detect.top_k", topK);
        Checks.unitInterval("detect.score_threshold", scoreThreshold);
        Checks.unitInterval("detect.nms_iou", nmsIou);
        Checks.positive("detect.tile_um", tileMicrons);
        if (!(overlapMicrons >= 0 && overlapMicrons < tileMicrons)) {
            throw new IllegalArgumentException("detect.overlap_um must be in [0, tile_um), got " + overlapMicrons);
        }
    }
}
