package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.gloinone.batch.BatchReport;
import org.gloinone.batch.BatchRunner;
import org.gloinone.batch.BatchSettings;
import org.gloinone.job.JobOptions;
import org.gloinone.job.OutputLock;
import org.gloinone.job.SlideOutcome;
import org.gloinone.job.SlideFailure;
import org.gloinone.io.ResultWriter;
import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.slide.FileProblems;
import org.gloinone.slide.SlideOpener;

/** Runs All-in-One over slides for the {@code run} and {@code demo} commands and reports the outcome. */
final class BatchCommand {
    /** Exit code when some slides failed and the others are complete. */
    static final int SOME_FAILED = 1;
    /** Exit code of a usage error or an unusable setup (no models, bad option value). */
    static final int USAGE = 2;
    /** Exit code after Ctrl-C, as shells report SIGINT. */
    static final int INTERRUPTED = 130;
    /** The log of failed slides' stack traces, in the output folder. */
    static final String LOG = "glo-in-one.log";

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
            ResultWriter.prepareOutputFolder(output);
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
                traces(report.failures(), output, err);
                return SOME_FAILED;
            }
            return 0;
        } catch (ModelException e) {
            err.println("glo-in-one: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("glo-in-one: " + (e instanceof java.nio.file.FileSystemException f
                    ? FileProblems.describe(f) : e.getMessage()));
            return SOME_FAILED;
        }
    }

    /** Stack traces of the failed slides: on the terminal with --debug, else in the output folder's log. */
    private static void traces(List<SlideOutcome> failures, Path output, PrintStream err) {
        StringBuilder text = new StringBuilder();
        for (SlideOutcome f : failures) {
            f.cause().ifPresent(c -> text.append(new SlideFailure(f.error(), c).details()).append('\n'));
        }
        if (text.isEmpty()) {
            return;
        }
        if (GloInOne.debug()) {
            err.print(text);
            return;
        }
        Path log = output.resolve(LOG);
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            err.println("details: " + log);
        } catch (IOException e) {
            err.println("(details could not be written to " + log + ": " + FileProblems.reason(e)
                    + "; run with --debug to see them)");
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
