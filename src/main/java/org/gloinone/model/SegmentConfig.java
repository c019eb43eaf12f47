package org.gloinone.model;

/**
 * The settings of a segmenter package ({@code config: glo-in-one: segment:} in rdf.yaml).
 *
 * @param maskOutput     output name of the mask probability (NHWC, 1 channel, values 0-1)
 * @param paddingMicrons context added on each side of a circle's bounding square
 * @param patchSize      patch edge in pixels fed to the network
 * @param maskThreshold  probability above which a pixel is glomerulus
 */
public record SegmentConfig(String maskOutput, double paddingMicrons, int patchSize, double maskThreshold) {
    public SegmentConfig {
        if (!(paddingMicrons >= 0)) {
            throw new IllegalArgumentException("segment.padding_um must be >= 0, got " + paddingMicrons);
        }
        Checks.positive("segment.patch_size", patchSize);
        Checks.unitInterval("segment.mask_threshold", maskThreshold);
    }
}
