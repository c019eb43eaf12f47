package org.gloinone.batch;

import java.nio.file.Path;
import java.util.Objects;

import org.gloinone.io.OutputOptions;
import org.gloinone.pipeline.PipelineOptions;

/**
 * How a batch runs: where results go, the pipeline and output options, and its robustness rules.
 *
 * @param outputFolder    the folder that receives one subfolder per slide and {@code summary.csv}
 * @param pipeline        the pipeline options
 * @param output          which files to write
 * @param resume          skip slides whose {@code run.json} matches the current models, options and file
 * @param failFast        stop at the first failed slide instead of logging it and going on
 */
public record BatchSettings(Path outputFolder, PipelineOptions pipeline, OutputOptions output, boolean resume,
                            boolean failFast) {
    public BatchSettings {
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(output, "output");
    }
}
