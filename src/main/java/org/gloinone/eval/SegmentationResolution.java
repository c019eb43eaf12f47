package org.gloinone.eval;

/**
 * A segmenter's scores on crops rendered at one pixel size.
 *
 * @param micronsPerPixel the pixel size the crops were rendered at
 * @param report          the scores over all crops
 * @param folds           the scores split by leave-slides-out folds, or null without folds
 */
public record SegmentationResolution(double micronsPerPixel, SegmentationReport report, FoldScores folds) {
}
