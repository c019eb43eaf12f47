package org.gloinone.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.detect.Circle;
import org.gloinone.io.OutputOptions;
import org.gloinone.io.SlideFileWriter;
import org.gloinone.pipeline.PipelineOptions;

/**
 * How a {@link SlideJob} runs and what it writes.
 *
 * @param outputFolder the folder that receives the slide folder (see {@link OutputFolder})
 * @param pipeline     the pipeline options
 * @param output       which files to write ({@code run.json} is always written)
 * @param writers      further per-slide files (e.g. the ImageJ ROI set), written after the others
 * @param resume       skip a slide whose folder's {@code run.json} matches the models, program, options and file
 * @param circles      circles (level-0 px) to classify or segment instead of detecting; a run on given circles
 *                     is never skipped, since its manifest does not record them
 */
public record JobOptions(Path outputFolder, PipelineOptions pipeline, OutputOptions output,
                         List<SlideFileWriter> writers, boolean resume, Optional<List<Circle>> circles) {
    public JobOptions {
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(output, "output");
        writers = List.copyOf(writers);
        circles = circles.map(List::copyOf);
    }

    /** All-in-One (detection first) with these files. */
    public static JobOptions detecting(Path outputFolder, PipelineOptions pipeline, OutputOptions output,
                                       List<SlideFileWriter> writers, boolean resume) {
        return new JobOptions(outputFolder, pipeline, output, writers, resume, Optional.empty());
    }
}
