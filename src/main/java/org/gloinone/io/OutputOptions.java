package org.gloinone.io;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which result files to write.
 *
 * @param formats              the per-slide files ({@link OutputFormat#ROIS} is written by the front door's
 *                             {@link SlideFileWriter})
 * @param includeNonGlomerular also write the detections called non-glomerular to the ImageScope files
 * @param writePatches         write {@code patches/} and {@code masks/} PNGs when the caller supplies them
 */
public record OutputOptions(Set<OutputFormat> formats, boolean includeNonGlomerular, boolean writePatches) {
    public OutputOptions {
        formats = formats.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** Every format, no non-glomerular layer, patches on. */
    public static OutputOptions defaults() {
        return new OutputOptions(EnumSet.allOf(OutputFormat.class), false, true);
    }

    /** These options with {@code writePatches} changed. */
    public OutputOptions withPatches(boolean value) {
        return new OutputOptions(formats, includeNonGlomerular, value);
    }
}
