package org.gloinone.pipeline;

/**
 * Wall time spent per stage, in milliseconds.
 *
 * @param detectMillis   detection (tile reads, network, decoding, NMS)
 * @param classifyMillis classification
 * @param segmentMillis  segmentation
 * @param totalMillis    the whole run
 */
public record StageTimings(long detectMillis, long classifyMillis, long segmentMillis, long totalMillis) {
}
