package org.gloinone.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;

import org.gloinone.io.OutputFormat;
import org.gloinone.detect.Circle;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

/**
 * The one thin facade both Fiji front doors (ImageJ 1 menu plugins and SciJava commands) call. It hides
 * how slides are opened, which models are loaded and how results are written, so the front doors hold no
 * pipeline logic. {@link GloInOneServices#load} finds the implementation.
 * <p>
 * Every method reports progress to {@code progress} and stops with a
 * {@link java.util.concurrent.CancellationException} once {@code cancel} is cancelled.
 */
public interface GloInOneService {

    /** Detection only: circles with scores, no classes, no masks. */
    SlideResult detect(SlideSource slide, PipelineOptions options, ProgressListener progress,
                       CancellationToken cancel) throws IOException;

    /**
     * Classifies the given circles (e.g. reviewed in the ROI Manager) without detecting.
     *
     * @param circles circles in level-0 pixels of the slide
     */
    SlideResult classify(SlideSource slide, List<Circle> circles, PipelineOptions options,
                         ProgressListener progress, CancellationToken cancel) throws IOException;

    /**
     * Segments the given circles without detecting.
     *
     * @param circles circles in level-0 pixels of the slide
     */
    SlideResult segment(SlideSource slide, List<Circle> circles, PipelineOptions options,
                        ProgressListener progress, CancellationToken cancel) throws IOException;

    /** The stages in {@code options.stages()}, detection first, in one run. */
    SlideResult allInOne(SlideSource slide, PipelineOptions options, ProgressListener progress,
                         CancellationToken cancel) throws IOException;

    /**
     * Writes a result of {@code slide} as one complete slide folder of the output folder {@code folder}, with
     * the files, {@code run.json} and folder name the command line writes (so {@code glo-in-one run --resume}
     * and {@code glo-in-one summarize} know it), and rebuilds the folder's {@code summary.csv}.
     *
     * @return the files of the slide folder and the summary
     */
    List<Path> write(SlideSource slide, SlideResult result, Path folder, Set<OutputFormat> formats)
            throws IOException;

    /**
     * Reads circles from an annotation file (Aperio ImageScope XML or GeoJSON), in level-0 pixels.
     *
     * @throws IOException naming the file when it is not an annotation file this build reads
     */
    List<Circle> readAnnotations(Path file) throws IOException;

    /** The installed default models, one per task, for the Models… window. */
    List<ModelInfo> installedModels() throws IOException;

    /**
     * A downsampled view of a whole slide file for the overlay, at most {@code maxSide} pixels wide and high.
     * Its downsample is stored in the image as the property {@value SlideView#DOWNSAMPLE}.
     */
    ImagePlus thumbnail(Path slide, int maxSide) throws IOException;

    /**
     * The levels of a slide file as lazy, tile-cached ImgLib2 images (for scripts); the caller closes them.
     *
     * @throws IOException naming the file when it cannot be opened
     */
    SlideImages images(Path slide) throws IOException;

    /** The level-0 size and pixel size of a slide, so ROIs drawn on a thumbnail can be scaled to it. */
    SlideGeometry geometry(SlideSource slide) throws IOException;
}
