package org.gloinone.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gloinone.cli.RunOptions;
import org.gloinone.io.ResultTables;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;
import org.gloinone.job.JobOptions;
import org.gloinone.job.OutputFolder;
import org.gloinone.job.SlideInput;
import org.gloinone.job.SlideJob;
import org.gloinone.job.SlideOutcome;
import org.gloinone.model.ModelException;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;

/**
 * The one place this package calls the project's slide job ({@link SlideJob}, the same one {@code glo-in-one run}
 * runs): one slide file, local or fetched when it must be read, into one complete slide folder under a local
 * output folder, with this executor's models.
 */
final class SlideJobAdapter {
    private SlideJobAdapter() {
    }

    /**
     * What the job made of one slide.
     *
     * @param status       done, skipped or failed ({@link SlideRecord} words)
     * @param failure      why it failed, naming the file
     * @param folder       the complete local slide folder (done or skipped)
     * @param modelSha256  sha256 of each model by task word
     * @param counts       glomeruli per class plus {@code rejected}, from {@code run.json}
     * @param summaryCsv   the slide's {@code summary.csv} table (header and its row), from {@code run.json}
     * @param glomeruliCsv the slide's per-glomerulus table when done
     */
    record Outcome(String status, String failure, Path folder, Map<String, String> modelSha256,
                   Map<String, Integer> counts, String summaryCsv, String glomeruliCsv) {
    }

    /**
     * Runs the slide job on {@code slide} into {@code outputFolder}. With {@code resume} the job skips the slide,
     * without reading it, when {@code outputFolder} already holds its {@code run.json} with the same identity.
     *
     * @throws ModelException if the models cannot be loaded
     * @throws java.util.concurrent.CancellationException if cancelled; no folder is left
     */
    static Outcome run(RunOptions options, boolean resume, SlideInput slide, Path outputFolder,
                       CancellationToken cancel) throws ModelException {
        PipelineOptions pipeline = options.pipelineOptions();
        LoadedModels models = ExecutorModels.get(options.models(), pipeline.stages(),
                options.predictorOptions(pipeline));
        JobOptions job = JobOptions.detecting(outputFolder, pipeline, options.outputOptions(), options.extraWriters(),
                resume);
        SlideOutcome outcome = SlideJob.run(slide, models, job,
                ProgressListener.SILENT, cancel);
        if (outcome.status() == SlideOutcome.Status.FAILED) {
            return new Outcome(SlideRecord.FAILED, outcome.error(), null,
                    shas(models.models().infos(pipeline.stages())), Map.of(), "", "");
        }
        Path folder = outcome.folder().orElseThrow();
        RunManifest manifest = outcome.manifest().orElseThrow();
        String summary = ResultTables.summaryTable(new TreeMap<>(Map.of(folder.getFileName().toString(), manifest)));
        return new Outcome(outcome.status() == SlideOutcome.Status.DONE ? SlideRecord.DONE : SlideRecord.SKIPPED, "",
                folder, shas(manifest.models()), manifest.counts(), summary,
                outcome.result().map(ResultTables::glomeruliTable).orElse(""));
    }

    /** The slide's folder name in an output folder. */
    static String folderName(String slideName) {
        return OutputFolder.plainName(slideName);
    }

    /** Where the slide job looks for an earlier folder's manifest when resuming. */
    static Path manifestForResume(Path outputFolder, String slideName) throws IOException {
        Path folder = Files.createDirectories(outputFolder.resolve(folderName(slideName)));
        return folder.resolve(ResultWriter.MANIFEST);
    }

    private static Map<String, String> shas(List<ModelInfo> models) {
        Map<String, String> m = new LinkedHashMap<>();
        models.forEach(i -> m.put(i.task(), i.sha256()));
        return m;
    }
}
