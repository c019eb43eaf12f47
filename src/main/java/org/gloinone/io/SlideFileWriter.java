package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Path;

import org.gloinone.pipeline.SlideResult;

/**
 * A further per-slide file that a front door adds to {@link ResultWriter}, e.g. the ImageJ ROI set,
 * which needs ImageJ's ROI classes and so lives outside the core.
 */
public interface SlideFileWriter {
    /** The file's name for a slide, e.g. {@code <stem>-rois.zip}. */
    String fileName(String slideStem);

    /** Writes the file (the implementation writes atomically, e.g. with {@link AtomicFiles}). */
    void write(SlideResult result, Path file) throws IOException;
}
