package org.gloinone.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gloinone.batch.BatchSettings;
import org.gloinone.batch.SlideJob;
import org.gloinone.batch.SlideOutcome;
import org.gloinone.cli.RunOptions;
import org.gloinone.io.ResultTables;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;
import org.gloinone.model.ModelException;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.ProgressListener;
import org.gloinone.pipeline.SlideResult;

/**
 * The one place this package calls the project's slide job ({@link SlideJob}, the same one {@code glo-in-one run}
 * runs): one local slide file into one complete slide folder under a local output folder, with this executor's
 * models.
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
     * @param summaryCsv   the slide's summary table when done
     * @param glomeruliCsv the slide's per-glomerulus table when done
     */
    record Outcome(String status, String failure, Path folder, Map<String, String> modelSha256,
                   Map<String, Integer> counts, String summaryCsv, String glomeruliCsv) {
    }

    /**
     * Runs the slide job on {@code slide} into {@code outputFolder}. With {@code resume} the job skips the slide
     * when {@code outputFolder} already holds its {@code run.json} with the same identity.
     *
     * @throws ModelException if the models cannot be loaded
     * @throws IOException    if the finished folder's manifest cannot be read
     * @throws java.util.concurrent.CancellationException if cancelled; no folder is left
     */
    static Outcome run(RunOptions options, boolean resume, Path slide, Path outputFolder, CancellationToken cancel)
            throws ModelException, IOException {
        PipelineOptions pipeline = options.pipelineOptions();
        LoadedModels models = ExecutorModels.get(options.models(), pipeline.stages(),
                options.predictorOptions(pipeline));
        BatchSettings settings = new BatchSettings(outputFolder, pipeline, options.outputOptions(), resume, false);
        SlideJob job = new SlideJob(models.models(), org.gloinone.slide.SlideOpener.withDefaultBackends(),
                new ResultWriter(settings.output(), options.extraWriters()), settings);
        SlideOutcome outcome = job.run(slide, ProgressListener.SILENT, cancel);
        if (outcome.status() == SlideOutcome.Status.FAILED) {
            return new Outcome(SlideRecord.FAILED, outcome.error(), null,
                    shas(models.models().infos(pipeline.stages())), Map.of(), "", "");
        }
        Path folder = outcome.folder().orElseThrow();
        RunManifest manifest = RunManifest.read(folder.resolve(ResultWriter.MANIFEST));
        if (outcome.status() == SlideOutcome.Status.SKIPPED) {
            return new Outcome(SlideRecord.SKIPPED, "", folder, shas(manifest.models()), manifest.counts(), "", "");
        }
        SlideResult result = outcome.result().orElseThrow();
        return new Outcome(SlideRecord.DONE, "", folder, shas(manifest.models()), manifest.counts(),
                ResultTables.summaryTable(List.of(result)), ResultTables.glomeruliTable(result));
    }

    /** Where the slide job looks for an earlier folder's manifest when resuming. */
    static Path manifestForResume(Path outputFolder, String slideName) throws IOException {
        Path folder = ResultWriter.slideFolder(outputFolder, slideName);
        Files.createDirectories(folder);
        return folder.resolve(ResultWriter.MANIFEST);
    }

    private static Map<String, String> shas(List<ModelInfo> models) {
        Map<String, String> m = new LinkedHashMap<>();
        models.forEach(i -> m.put(i.task(), i.sha256()));
        return m;
    }
}
