package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.gloinone.batch.BatchReport;
import org.gloinone.batch.BatchRunner;
import org.gloinone.batch.BatchSettings;
import org.gloinone.job.JobOptions;
import org.gloinone.job.OutputLock;
import org.gloinone.job.SlideOutcome;
import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.slide.SlideOpener;

/** Runs All-in-One over slides for the {@code run} and {@code demo} commands and reports the outcome. */
final class BatchCommand {
    /** Exit code when some slides failed and the others are complete. */
    static final int SOME_FAILED = 1;
    /** Exit code of a usage error or an unusable setup (no models, bad option value). */
    static final int USAGE = 2;
    /** Exit code after Ctrl-C, as shells report SIGINT. */
    static final int INTERRUPTED = 130;

    private BatchCommand() {
    }

    static int run(List<Path> inputs, Path output, RunOptions options, boolean resume, boolean failFast,
                   PrintStream out, PrintStream err) {
        SlideOpener opener = SlideOpener.withDefaultBackends();
        List<Path> slides;
        PipelineOptions pipeline;
        BatchSettings settings;
        try {
            slides = SlideInputs.expand(inputs, opener.backends());
            pipeline = options.pipelineOptions();
            settings = new BatchSettings(JobOptions.detecting(output, pipeline, options.outputOptions(),
                    options.extraWriters(), resume), failFast);
        } catch (IllegalArgumentException | IOException e) {
            err.println("glo-in-one: " + e.getMessage());
            return USAGE;
        }
        FoundModels found;
        try {
            found = ModelFinder.forThisProgram(options.models).find();
        } catch (ModelException e) {
            err.println("glo-in-one: " + e.getMessage());
            return USAGE;
        }
        try (LoadedModels models = LoadedModels.load(found, pipeline.stages(), options.predictorOptions(pipeline));
             CtrlC ctrlC = new CtrlC()) {
            BatchReport report;
            try {
                report = new BatchRunner(models.models(), opener, settings).run(slides,
                        slide -> TerminalProgress.forConsole(slide.getFileName().toString()),
                        outcome -> announce(outcome, err), ctrlC.token());
            } catch (CancellationException e) {
                err.println("glo-in-one: interrupted; complete slide folders are kept, the current one was removed");
                return INTERRUPTED;
            } catch (OutputLock.HeldException e) {
                err.println("glo-in-one: " + e.getMessage());
                return USAGE;
            }
            out.println();
            SummaryTable.print(report.outcomes(), out);
            out.println("\nsummary: " + report.summary());
            if (!report.allSucceeded()) {
                err.println("\nfailed slides:");
                report.failures().forEach(f -> err.println("  " + f.error()));
                return SOME_FAILED;
            }
            return 0;
        } catch (ModelException e) {
            err.println("glo-in-one: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("glo-in-one: " + e.getMessage());
            return SOME_FAILED;
        }
    }

    private static void announce(SlideOutcome outcome, PrintStream err) {
        String name = outcome.slide().getFileName().toString();
        switch (outcome.status()) {
            case DONE -> err.println("\n" + name + ": done -> " + outcome.folder().orElseThrow());
            case SKIPPED -> err.println(name + ": skipped, finished earlier with the same models and options");
            case FAILED -> err.println("\n" + outcome.error());
        }
    }
}
