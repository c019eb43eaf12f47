package org.gloinone.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.gloinone.patch.PatchExtractor;
import org.gloinone.detect.Detection;
import org.gloinone.io.GlomerulusPatch;
import org.gloinone.io.OutputFormat;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;
import org.gloinone.io.SlideFingerprint;
import org.gloinone.io.Thumbnail;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.Pipeline;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.ProgramVersion;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideInfo;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.pipeline.StageModel;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLimits;

/**
 * The one slide job of every front door (command-line batch, Fiji's commands, the cohort runner): given a
 * slide, loaded models, options, progress and cancellation, it writes one complete slide folder of the
 * {@link OutputFolder} (or skips it on resume) and returns the outcome. The folder appears whole or not at
 * all; {@code run.json}, written last, records what made it and everything the summary needs.
 */
public final class SlideJob {
    private SlideJob() {
    }

    /** Runs one slide with the networks of {@code models} (loaded once, for as many slides as wanted). */
    public static SlideOutcome run(SlideInput slide, LoadedModels models, JobOptions options,
                                   ProgressListener progress, CancellationToken cancel) {
        return run(slide, models.models(), options, progress, cancel);
    }

    /**
     * Runs one slide. A failure of the slide itself (unreadable, no pixel size, a write error) comes back as
     * a failed outcome whose message names the slide; nothing of it is left in the output folder.
     *
     * @throws CancellationException if cancelled; no partial folder is left and an earlier one is kept
     */
    public static SlideOutcome run(SlideInput slide, PipelineModels models, JobOptions options,
                                   ProgressListener progress, CancellationToken cancel) {
        long start = System.nanoTime();
        String name = slide.name();
        try {
            Identity id = Identity.of(slide, options);
            Map<String, String> planned = RunManifest.optionsOf(recordedOptions(models, options), options.output());
            if (options.resume() && options.circles().isEmpty()) {
                Optional<RunManifest> earlier = OutputFolder.manifest(id.folder());
                if (earlier.isPresent() && earlier.get().matches(ProgramVersion.get(),
                        models.infos(options.pipeline().stages()), planned, id.fingerprint())) {
                    return SlideOutcome.skipped(id.path(), id.folder(), earlier.get());
                }
            }
            try (Slide opened = open(slide, options)) {
                SlideResult result = named(compute(opened, models, options, progress, cancel), name);
                progress.progress(1.0, "writing results");
                return write(opened, id, result, models, options, millisSince(start), cancel);
            }
        } catch (Exception | Error e) {
            // Whatever one slide throws fails that slide alone; SlideFailure rethrows a cancellation.
            return SlideOutcome.failed(slide.file().orElse(Path.of(name)), SlideFailure.of(name, e),
                    millisSince(start));
        }
    }

    /**
     * Writes the slide folder of a result computed earlier from {@code slide} (e.g. in Fiji, where a result is
     * shown first and written on request): the same folder, files and {@code run.json} as {@link #run}.
     *
     * @throws IOException naming the file that could not be read or written
     * @throws CancellationException if cancelled; no partial folder is left
     */
    public static SlideOutcome write(SlideInput slide, SlideResult result, PipelineModels models, JobOptions options,
                                     CancellationToken cancel) throws IOException {
        Identity id = Identity.of(slide, options);
        SlideResult named = named(result, slide.name());
        boolean readsPixels = options.output().formats().contains(OutputFormat.OVERLAY)
                || options.output().writePatches();
        if (!readsPixels) {
            return write(null, id, named, models, options, named.timings().totalMillis(), cancel);
        }
        try (Slide opened = open(slide, options)) {
            return write(opened, id, named, models, options, named.timings().totalMillis(), cancel);
        }
    }

    /** Where a slide's results go, and what identifies its file. */
    private record Identity(Path path, String sourcePath, SlideFingerprint fingerprint, Path folder) {
        static Identity of(SlideInput slide, JobOptions options) throws IOException {
            SlideFingerprint fingerprint = slide.fingerprint();
            String sourcePath = slide.sourcePath();
            Path folder = new OutputFolder(options.outputFolder()).slideFolder(slide.name(), sourcePath, fingerprint);
            return new Identity(slide.file().orElse(Path.of(slide.name())), sourcePath, fingerprint, folder);
        }
    }

    private static Slide open(SlideInput slide, JobOptions options) throws IOException {
        return SlideLimits.checked(slide.open(), options.pipeline().assumedMicronsPerPixel());
    }

    private static SlideOutcome write(Slide opened, Identity id, SlideResult result, PipelineModels models,
                                      JobOptions options, long millis, CancellationToken cancel) throws IOException {
        RunManifest manifest = RunManifest.of(result, id.sourcePath(), id.fingerprint(),
                RunManifest.optionsOf(result.options(), options.output()));
        ResultWriter.SlideExtras extras = opened == null
                ? new ResultWriter.SlideExtras(Optional.of(manifest), Optional.empty(), List.of())
                : extras(opened, result, models, options, manifest, cancel);
        Path written = new ResultWriter(options.output(), options.writers()).write(result, extras, id.folder(), cancel);
        return SlideOutcome.done(id.path(), result, written, manifest, millis);
    }

    private static SlideResult compute(Slide slide, PipelineModels models, JobOptions options,
                                       ProgressListener progress, CancellationToken cancel)
            throws IOException, ModelException {
        Pipeline pipeline = new Pipeline(models);
        if (options.circles().isEmpty()) {
            return pipeline.run(slide, options.pipeline(), progress, cancel);
        }
        // Given circles carry no detector score: 1, as for a pathologist's annotation.
        List<Detection> given = options.circles().get().stream().map(c -> new Detection(c, 1.0)).toList();
        return pipeline.runOn(slide, options.pipeline(), given, progress, cancel);
    }

    /** The options a detecting run records: the detector's own thresholds filled in. */
    private static PipelineOptions recordedOptions(PipelineModels models, JobOptions options) {
        PipelineOptions p = options.pipeline();
        return options.circles().isEmpty() && p.stages().contains(Task.DETECT) && models.detector().isPresent()
                ? new Pipeline(models).withDetectorDefaults(p) : p;
    }

    /** The result under the input's name (a backend may name an in-memory slide otherwise). */
    private static SlideResult named(SlideResult r, String name) {
        if (r.slide().name().equals(name)) {
            return r;
        }
        SlideInfo s = r.slide();
        return new SlideResult(new SlideInfo(name, s.backend(), s.width(), s.height(), s.micronsPerPixel()),
                r.options(), r.models(), r.classNames(), r.sclerosedClasses(), r.glomeruli(), r.rejected(),
                r.tissueAreaMm2(), r.tilesPlanned(), r.tilesSkipped(), r.timings(), r.displayColors(), r.stain());
    }

    private static ResultWriter.SlideExtras extras(Slide slide, SlideResult result, PipelineModels models,
                                                   JobOptions options, RunManifest manifest,
                                                   CancellationToken cancel) throws IOException {
        Optional<Thumbnail> thumbnail = options.output().formats().contains(OutputFormat.OVERLAY)
                ? Optional.of(SlideExtrasReader.thumbnail(slide)) : Optional.empty();
        Optional<PatchExtractor> extractor = options.output().writePatches()
                ? patchExtractor(models, result.options()) : Optional.empty();
        List<GlomerulusPatch> patches = extractor.isPresent()
                ? SlideExtrasReader.patches(slide, result, extractor.get(), cancel) : List.of();
        return new ResultWriter.SlideExtras(Optional.of(manifest), thumbnail, patches);
    }

    /** The classifier's view of a glomerulus, or the segmenter's when there is no classifier. */
    private static Optional<PatchExtractor> patchExtractor(PipelineModels models, PipelineOptions options) {
        Optional<StageModel> classifier = models.forTask(Task.CLASSIFY)
                .filter(m -> options.stages().contains(Task.CLASSIFY));
        if (classifier.isPresent()) {
            ModelSpec spec = classifier.get().spec();
            ClassifyConfig c = spec.classify();
            return Optional.of(new PatchExtractor(c.paddingMicrons(), c.patchSize(), spec.micronsPerPixel()));
        }
        return models.forTask(Task.SEGMENT).filter(m -> options.stages().contains(Task.SEGMENT))
                .map(m -> {
                    SegmentConfig s = m.spec().segment();
                    return new PatchExtractor(s.paddingMicrons(), s.patchSize(), m.spec().micronsPerPixel());
                });
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
