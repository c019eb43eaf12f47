package org.gloinone.model;

/**
 * How a classifier's sclerosed call is corrected on slides coarser than it was trained for
 * ({@code classify.coarse_slide_correction} in rdf.yaml). Blur removes the open capillary loops that tell a
 * normal glomerulus from a sclerosed one, so on a coarse slide the classifier sees sclerosis where there is only
 * blur. Beyond {@code fromMicronsPerPixel}, each glomerular decision between a sclerosed and another class asks
 * for {@code sclerosedLogitPerMicronPerPixel} more log-odds of sclerosis per µm/px: sclerosed wins only when
 * log(p_sclerosed / p_other) exceeds that margin. Both values are chosen on crops the classifier never saw,
 * rendered at coarser pixel sizes ({@code evaluate classify --choose-coarse-correction}).
 *
 * @param fromMicronsPerPixel             the finest slide pixel size that is corrected (finer slides are not)
 * @param sclerosedLogitPerMicronPerPixel the margin's growth per µm/px beyond it, at least 0
 */
public record CoarseSlideCorrection(double fromMicronsPerPixel, double sclerosedLogitPerMicronPerPixel) {
    /** No correction: the likeliest class decides at every pixel size. */
    public static final CoarseSlideCorrection NONE = new CoarseSlideCorrection(Double.POSITIVE_INFINITY, 0);

    public CoarseSlideCorrection {
        if (!(fromMicronsPerPixel > 0)) {
            throw new IllegalArgumentException("classify.coarse_slide_correction.from_um_per_px must be > 0, got "
                    + fromMicronsPerPixel);
        }
        if (!(sclerosedLogitPerMicronPerPixel >= 0 && Double.isFinite(sclerosedLogitPerMicronPerPixel))) {
            throw new IllegalArgumentException("classify.coarse_slide_correction.sclerosed_logit_per_um_per_px must "
                    + "be a finite number >= 0, got " + sclerosedLogitPerMicronPerPixel);
        }
    }

    /** Whether this corrects anything. */
    public boolean isActive() {
        return sclerosedLogitPerMicronPerPixel > 0 && Double.isFinite(fromMicronsPerPixel);
    }

    /**
     * The log-odds a sclerosed class must win by on a slide of this pixel size; 0 when the pixel size is unknown
     * (NaN) or not coarser than {@link #fromMicronsPerPixel()}.
     */
    public double sclerosedMargin(double slideMicronsPerPixel) {
        if (!isActive() || !(slideMicronsPerPixel > fromMicronsPerPixel)) {
            return 0;
        }
        return sclerosedLogitPerMicronPerPixel * (slideMicronsPerPixel - fromMicronsPerPixel);
    }
}
