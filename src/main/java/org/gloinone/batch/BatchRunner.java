package org.gloinone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.gloinone.job.JobOptions;
import org.gloinone.job.OutputFolder;
import org.gloinone.job.OutputLock;
import org.gloinone.job.SlideInput;
import org.gloinone.job.SlideJob;
import org.gloinone.job.SlideOutcome;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.progress.ProgressListener;
import org.gloinone.slide.SlideOpener;

/**
 * Runs the {@link SlideJob} over slide files in the given order while holding the output folder's
 * {@link OutputLock}: leftovers of a killed run are cleaned up first, a failed slide is logged and the batch
 * goes on (unless fail-fast), finished slides are skipped on resume, and {@code summary.csv} is rebuilt from
 * every complete slide folder at the end, also when cancelled.
 */
public final class BatchRunner {
    private final PipelineModels models;
    private final SlideOpener opener;
    private final BatchSettings settings;

    /**
     * @param models   the loaded networks
     * @param opener   how slide files are opened
     * @param settings the job options of every slide and the batch rules
     */
    public BatchRunner(PipelineModels models, SlideOpener opener, BatchSettings settings) {
        this.models = models;
        this.opener = opener;
        this.settings = settings;
    }

    /**
     * Runs every slide.
     *
     * @param slides          slide files, in the order to run them
     * @param progressOfSlide a progress listener per slide
     * @param onOutcome       told of each slide's outcome as soon as it is known
     * @throws java.util.concurrent.CancellationException if cancelled; finished slide folders stay complete
     * @throws OutputLock.HeldException if another run holds the output folder
     * @throws IOException if the output folder or {@code summary.csv} cannot be written
     */
    public BatchReport run(List<Path> slides, Function<Path, ProgressListener> progressOfSlide,
                           Consumer<SlideOutcome> onOutcome, CancellationToken cancel) throws IOException {
        JobOptions job = settings.job();
        OutputFolder output = new OutputFolder(job.outputFolder());
        try (OutputLock lock = OutputLock.acquire(job.outputFolder())) {
            output.recoverLeftovers();
            List<SlideOutcome> outcomes = new ArrayList<>();
            try {
                for (Path slide : slides) {
                    cancel.throwIfCancelled();
                    SlideOutcome outcome = SlideJob.run(SlideInput.file(slide, opener), models, job,
                            progressOfSlide.apply(slide), cancel);
                    outcomes.add(outcome);
                    onOutcome.accept(outcome);
                    if (outcome.status() == SlideOutcome.Status.FAILED && settings.failFast()) {
                        break;
                    }
                }
            } finally {
                output.writeSummary();
            }
            return new BatchReport(outcomes, output.root().resolve(org.gloinone.io.ResultWriter.SUMMARY));
        }
    }
}
