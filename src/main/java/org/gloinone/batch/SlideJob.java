package org.gloinone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gloinone.classify.PatchExtractor;
import org.gloinone.io.GlomerulusPatch;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;
import org.gloinone.io.SlideFingerprint;
import org.gloinone.io.Thumbnail;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.Pipeline;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.ProgressListener;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.pipeline.StageModel;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLimits;
import org.gloinone.slide.SlideOpener;

/**
 * Runs All-in-One on one slide file and writes its result folder: open, (skip if finished), run, read
 * the overlay thumbnail and patches, write. The folder appears only when complete.
 */
public final class SlideJob {
    private final PipelineModels models;
    private final List<ModelInfo> modelInfos;
    private final SlideOpener opener;
    private final ResultWriter writer;
    private final BatchSettings settings;

    /**
     * @param models   the loaded networks
     * @param opener   how slide files are opened
     * @param writer   how results are written
     * @param settings output folder, options, resume
     */
    public SlideJob(PipelineModels models, SlideOpener opener, ResultWriter writer, BatchSettings settings) {
        this.models = models;
        this.modelInfos = models.infos(settings.pipeline().stages());
        this.opener = opener;
        this.writer = writer;
        this.settings = settings;
    }

    /**
     * Processes one slide. Any failure of the slide (a bad file, a full disk, an allocation too large, a defect)
     * comes back as a failed outcome with a one-line reason naming the file (see {@link SlideFailure});
     * cancellation is thrown, leaving no partial folder.
     *
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public SlideOutcome run(Path slideFile, ProgressListener progress, CancellationToken cancel) {
        long start = System.nanoTime();
        String name = slideFile.getFileName().toString();
        try {
            SlideFingerprint fingerprint = SlideFingerprint.of(slideFile);
            if (settings.resume() && isFinished(name, fingerprint)) {
                return SlideOutcome.skipped(slideFile, ResultWriter.slideFolder(settings.outputFolder(), name));
            }
            try (Slide slide = SlideLimits.checked(opener.open(slideFile),
                    settings.pipeline().assumedMicronsPerPixel())) {
                SlideResult result = new Pipeline(models).run(slide, settings.pipeline(), progress, cancel);
                progress.progress(1.0, "writing results");
                Optional<Thumbnail> thumbnail = Optional.of(SlideExtrasReader.thumbnail(slide));
                Optional<PatchExtractor> extractor = settings.output().writePatches()
                        ? patchExtractor() : Optional.empty();
                List<GlomerulusPatch> patches = extractor.isPresent()
                        ? SlideExtrasReader.patches(slide, result, extractor.get(), cancel) : List.of();
                Path folder = writer.write(result,
                        new ResultWriter.SlideExtras(Optional.of(fingerprint), thumbnail, patches),
                        settings.outputFolder(), cancel);
                return SlideOutcome.done(slideFile, result, folder, millisSince(start));
            }
        } catch (Exception | Error e) {
            // Whatever one slide throws fails that slide alone; SlideFailure rethrows a cancellation.
            return SlideOutcome.failed(slideFile, SlideFailure.of(name, e), millisSince(start));
        }
    }

    private boolean isFinished(String name, SlideFingerprint fingerprint) throws IOException {
        Optional<RunManifest> earlier = ResultWriter.existingManifest(settings.outputFolder(), name);
        PipelineOptions planned = settings.pipeline().stages().contains(Task.DETECT)
                ? new Pipeline(models).withDetectorDefaults(settings.pipeline()) : settings.pipeline();
        return earlier.isPresent() && earlier.get().matches(modelInfos, planned, fingerprint);
    }

    /** The classifier's view of a glomerulus, or the segmenter's when there is no classifier. */
    private Optional<PatchExtractor> patchExtractor() {
        Optional<StageModel> classifier = models.forTask(Task.CLASSIFY)
                .filter(m -> settings.pipeline().stages().contains(Task.CLASSIFY));
        if (classifier.isPresent()) {
            ModelSpec spec = classifier.get().spec();
            ClassifyConfig c = spec.classify();
            return Optional.of(new PatchExtractor(c.paddingMicrons(), c.patchSize(), spec.micronsPerPixel()));
        }
        return models.forTask(Task.SEGMENT).filter(m -> settings.pipeline().stages().contains(Task.SEGMENT))
                .map(m -> {
                    SegmentConfig s = m.spec().segment();
                    return new PatchExtractor(s.paddingMicrons(), s.patchSize(), m.spec().micronsPerPixel());
                });
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
