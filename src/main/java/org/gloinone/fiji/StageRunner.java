package org.gloinone.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.gloinone.detect.Circle;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

/**
 * Runs one command through the {@link GloInOneService} and gathers its outcome, touching no window: picks the
 * slide (the file named in the options, else the current image or the slide a thumbnail shows), takes the
 * circles for Classify and Segment (an annotation file, else the ROIs handed in), builds the tables and writes
 * the files. Both front doors call it; showing the outcome is theirs.
 */
public final class StageRunner {
    private final GloInOneService service;

    /** @param service the pipeline facade */
    public StageRunner(GloInOneService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * @param options      the command's options
     * @param currentImage the image the command was started on, if any
     * @param rois         ROIs to classify or segment (the ROI Manager's), in the current image's pixels
     * @throws IllegalArgumentException when there is no slide or no circle to work on
     */
    public StageOutcome run(StageOptions options, Optional<ImagePlus> currentImage, List<Roi> rois,
                            ProgressListener progress, CancellationToken cancel) throws IOException {
        return run(options, currentImage, rois, RoiReview.highestIssued(rois, currentImage), progress, cancel);
    }

    /**
     * As {@link #run(StageOptions, Optional, List, ProgressListener, CancellationToken)}; ROIs without a
     * glomerulus id get ids above {@code highestIssued} (see {@link RoiReview}).
     */
    public StageOutcome run(StageOptions options, Optional<ImagePlus> currentImage, List<Roi> rois,
                            int highestIssued, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        return run(options, view(options, currentImage), rois, highestIssued, progress, cancel);
    }

    /**
     * As {@link #run(StageOptions, Optional, List, int, ProgressListener, CancellationToken)} on a slide given
     * directly (e.g. an ImgLib2 image from a script); ROIs are in the pixels of {@code view}.
     */
    public StageOutcome run(StageOptions options, SlideView view, List<Roi> rois, int highestIssued,
                            ProgressListener progress, CancellationToken cancel) throws IOException {
        PipelineOptions pipelineOptions = options.toPipelineOptions();
        List<String> skipped = new ArrayList<>();
        Optional<RoiReview> review = Optional.empty();
        SlideResult result;
        if (options.stage().needsCircles()) {
            List<Circle> circles;
            if (options.annotations().isPresent()) {
                circles = service.readAnnotations(options.annotations().get());
            } else {
                review = Optional.of(RoiReview.of(rois, view.downsample(), highestIssued));
                circles = review.get().circles();
                skipped.addAll(review.get().skipped());
            }
            if (circles.isEmpty()) {
                throw new IllegalArgumentException(options.stage().command() + " needs circles: detect or draw "
                        + "glomeruli in the ROI Manager, or give annotations=[file]");
            }
            result = options.stage() == Stage.CLASSIFY
                    ? service.classify(view.source(), circles, pipelineOptions, progress, cancel)
                    : service.segment(view.source(), circles, pipelineOptions, progress, cancel);
            if (review.isPresent()) {
                result = review.get().apply(result);
            }
        } else if (options.stage() == Stage.DETECT) {
            result = service.detect(view.source(), pipelineOptions, progress, cancel);
        } else {
            result = service.allInOne(view.source(), pipelineOptions, progress, cancel);
        }
        ResultsTable glomeruli = ImageJTables.glomeruli(result);
        ResultsTable summary = ImageJTables.summary(result);
        List<Path> files = new ArrayList<>();
        if (options.output().isPresent()) {
            Path folder = options.output().get();
            Files.createDirectories(folder);
            // The folder's tables are the slide folder's own (as on the command line), not the shown ones.
            files.addAll(service.write(view.source(), result, folder, options.formats()));
        }
        return new StageOutcome(result, view, review, skipped, glomeruli, summary, files);
    }

    /**
     * The slide a command works on: the named file (ROIs map through the current image when it is a
     * thumbnail of that file), else what the current image shows.
     */
    static SlideView view(StageOptions options, Optional<ImagePlus> currentImage) {
        Optional<SlideView> shown = currentImage.map(SlideView::of);
        if (options.slide().isPresent()) {
            Path file = options.slide().get();
            double downsample = shown.filter(v -> v.source() instanceof SlideSource.File f
                    && f.path().toAbsolutePath().equals(file.toAbsolutePath()))
                    .map(SlideView::downsample).orElse(1.0);
            return new SlideView(new SlideSource.File(file), downsample);
        }
        return shown.orElseThrow(() -> new IllegalArgumentException(
                "no slide: give slide=[file] or open an image first"));
    }

    /** The file name without its last extension. */
    static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Saves a table as CSV under a temporary name, then renames it, so the file is complete or absent. */
    static Path saveTable(ResultsTable table, Path file) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".part.csv");
        if (!table.save(temp.toString())) {
            Files.deleteIfExists(temp);
            throw new IOException(file.getFileName() + ": could not write the table");
        }
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
