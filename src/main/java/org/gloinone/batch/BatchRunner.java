package org.gloinone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.gloinone.io.ResultWriter;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.ProgressListener;

/**
 * Runs a {@link SlideJob} over slides in the given order: a failed slide is logged and the batch goes on
 * (unless fail-fast), finished slides are skipped on resume, and {@code summary.csv} is always written at the
 * end, listing the slides done in this run.
 */
public final class BatchRunner {
    private final SlideJob job;
    private final BatchSettings settings;

    /** A runner of {@code job} with the batch rules of {@code settings}. */
    public BatchRunner(SlideJob job, BatchSettings settings) {
        this.job = job;
        this.settings = settings;
    }

    /**
     * Runs every slide.
     *
     * @param slides          slide files, in the order to run them
     * @param progressOfSlide a progress listener per slide
     * @param onOutcome       told of each slide's outcome as soon as it is known
     * @throws java.util.concurrent.CancellationException if cancelled; finished slide folders stay complete
     * @throws IOException if {@code summary.csv} cannot be written
     */
    public BatchReport run(List<Path> slides, Function<Path, ProgressListener> progressOfSlide,
                           java.util.function.Consumer<SlideOutcome> onOutcome, CancellationToken cancel)
            throws IOException {
        List<SlideOutcome> outcomes = new ArrayList<>();
        for (Path slide : slides) {
            cancel.throwIfCancelled();
            SlideOutcome outcome = job.run(slide, progressOfSlide.apply(slide), cancel);
            outcomes.add(outcome);
            onOutcome.accept(outcome);
            if (outcome.status() == SlideOutcome.Status.FAILED && settings.failFast()) {
                break;
            }
        }
        // Written even when every slide failed: its absence would look like a run that never finished.
        BatchReport partial = new BatchReport(outcomes, Optional.empty());
        return new BatchReport(outcomes, Optional.of(ResultWriter.writeSummary(partial.results(),
                settings.outputFolder())));
    }
}
