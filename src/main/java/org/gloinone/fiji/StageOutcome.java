package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ij.measure.ResultsTable;

import org.gloinone.pipeline.SlideResult;

/**
 * What a menu command or script command produced, before anything is shown.
 *
 * @param result    the pipeline's result
 * @param view      the slide and the image it was shown on
 * @param review    for Classify and Segment on ROIs: those ROIs and their glomerulus ids
 * @param skipped   ROIs that gave no circle, with the reason (Classify and Segment)
 * @param glomeruli the per-glomerulus table
 * @param summary   the per-slide table (this slide's row)
 * @param files     the result files written, empty when no output folder was given
 */
public record StageOutcome(SlideResult result, SlideView view, Optional<RoiReview> review, List<String> skipped,
                           ResultsTable glomeruli, ResultsTable summary, List<Path> files) {
    public StageOutcome {
        Objects.requireNonNull(review, "review");
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
    }
}
