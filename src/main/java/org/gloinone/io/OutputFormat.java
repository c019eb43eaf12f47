package org.gloinone.io;

/** The per-slide result files {@link ResultWriter} can write. */
public enum OutputFormat {
    /** {@code <slide>.xml}: circles as ImageScope ellipses, one layer per class. */
    IMAGESCOPE_XML,
    /** {@code <slide>-masks.xml}: mask outlines as ImageScope polygons. */
    IMAGESCOPE_MASKS_XML,
    /** {@code <slide>.geojson}: features for QuPath. */
    GEOJSON,
    /** {@code <slide>-glomeruli.csv}: one row per glomerulus. */
    GLOMERULI_CSV,
    /** {@code <slide>-overlay.png}: thumbnail with circles, outlines and legend (needs a thumbnail). */
    OVERLAY_PNG,
    /** {@code run.json}: the run manifest (needs the slide fingerprint). */
    MANIFEST
}
