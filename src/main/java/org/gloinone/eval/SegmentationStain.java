package org.gloinone.eval;

/**
 * A segmenter's scores on crops under one stain shift.
 *
 * @param stain  the shift applied to every crop
 * @param report the scores over all crops
 * @param folds  the scores split by leave-slides-out folds, or null without folds
 */
public record SegmentationStain(StainShift stain, SegmentationReport report, FoldScores folds) {
}
