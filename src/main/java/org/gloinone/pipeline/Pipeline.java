package org.gloinone.pipeline;

import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.gloinone.classify.Classification;
import org.gloinone.classify.Classifier;
import org.gloinone.detect.Circle;
import org.gloinone.detect.DetectionRun;
import org.gloinone.detect.DetectionSettings;
import org.gloinone.detect.Detector;
import org.gloinone.detect.Detection;
import org.gloinone.detect.TissueMask;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;
import org.gloinone.segment.Segmentation;
import org.gloinone.segment.Segmenter;
import org.gloinone.slide.Slide;
import org.gloinone.stain.StainNormalisation;

/**
 * Glo-In-One's All-in-One pipeline: detect glomeruli on a whole slide (CircleNet), drop the detections
 * the classifier calls non-glomerular (kept aside as rejected), classify the rest and outline them.
 * Each stage also runs alone: detection only, or classification and segmentation of given circles
 * (e.g. a pathologist's annotations). The result is an immutable {@link SlideResult}; this class
 * writes no files, so a cancelled run leaves nothing behind. The same slide, models and options give
 * identical results: tiles, batches and ties are processed in a fixed order. A batch that does not fit
 * in memory is run in halves ({@link HalvingPredictor}).
 */
public final class Pipeline {
    /** Tiles or patches per network call unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 4;

    /** Shares of the progress bar per stage, in proportion to their usual cost. */
    private static final Map<Task, Double> WEIGHTS = Map.of(Task.DETECT, 0.8, Task.CLASSIFY, 0.1, Task.SEGMENT, 0.1);

    private final PipelineModels models;
    private final int batchSize;

    /** A pipeline with {@link #DEFAULT_BATCH_SIZE}. */
    public Pipeline(PipelineModels models) {
        this(models, DEFAULT_BATCH_SIZE);
    }

    /**
     * @param models    the loaded networks (owned by the caller, not closed here)
     * @param batchSize tiles or patches per network call, in [1, 1024]
     */
    public Pipeline(PipelineModels models, int batchSize) {
        this.models = Objects.requireNonNull(models, "models");
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batch size must be in [1, 1024], got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Runs the stages in {@code options} on a slide; detection must be one of them.
     *
     * @see #run(Slide, PipelineOptions, ProgressListener, CancellationToken)
     */
    public SlideResult run(Slide slide, PipelineOptions options, ProgressListener progress)
            throws IOException, ModelException {
        return run(slide, options, progress, new CancellationToken());
    }

    /**
     * Runs the stages in {@code options} on a slide; detection must be one of them.
     *
     * @throws IOException           if the slide cannot be read (or lacks its um/px for detection)
     * @throws ModelException        if a network fails or does not fit its spec
     * @throws CancellationException if cancelled by the token or by interrupting the calling thread
     */
    public SlideResult run(Slide slide, PipelineOptions options, ProgressListener progress, CancellationToken cancel)
            throws IOException, ModelException {
        if (!options.stages().contains(Task.DETECT)) {
            throw new IllegalArgumentException("stages " + options.stages()
                    + " do not include detect: give the circles to classify or segment");
        }
        return execute(slide, options, null, progress, cancel);
    }

    /**
     * Classifies and/or segments given circles (detection is not run even if {@code options} names it).
     *
     * @param circles detections in level-0 pixels, e.g. imported annotations (score 1 if unknown)
     * @throws IOException           if the slide cannot be read
     * @throws ModelException        if a network fails or does not fit its spec
     * @throws CancellationException if cancelled
     */
    public SlideResult runOn(Slide slide, PipelineOptions options, List<Detection> circles,
                             ProgressListener progress, CancellationToken cancel) throws IOException, ModelException {
        return execute(slide, options, List.copyOf(circles), progress, cancel);
    }

    private SlideResult execute(Slide slide, PipelineOptions options, List<Detection> given,
                                ProgressListener progress, CancellationToken cancel) throws IOException, ModelException {
        long start = System.nanoTime();
        Set<Task> stages = given == null ? options.stages() : without(options.stages(), Task.DETECT);
        for (Task t : stages) {
            if (models.forTask(t).isEmpty()) {
                throw new IllegalArgumentException("stage '" + t.word() + "' was asked for but no "
                        + t.word() + " model was given");
            }
        }
        Map<Task, ProgressListener> bars = progressBars(stages, progress);
        cancel.throwIfCancelled();

        // Detection (or the given circles).
        long t0 = System.nanoTime();
        List<Detection> detections;
        double tissueAreaMm2;
        int tilesPlanned = 0;
        int tilesSkipped = 0;
        StainNormalisation stain = StainNormalisation.NONE;
        if (given == null) {
            DetectionRun run = detector().detect(slide, detectionSettings(options),
                    bars.get(Task.DETECT), cancel);
            detections = run.detections();
            tissueAreaMm2 = run.tissueAreaMm2();
            tilesPlanned = run.tilesPlanned();
            tilesSkipped = run.tilesSkipped();
            stain = run.stain();
        } else {
            detections = given;
            tissueAreaMm2 = tissueAreaWithoutDetection(slide, options);
        }
        long detectMillis = given == null ? millisSince(t0) : 0;
        cancel.throwIfCancelled();

        // Classification: the paper's false-positive filter and glomerular classes.
        long t1 = System.nanoTime();
        List<Optional<Classification>> classes = new ArrayList<>();
        List<Boolean> accepted = new ArrayList<>();
        if (stages.contains(Task.CLASSIFY)) {
            Classifier classifier = new Classifier(model(Task.CLASSIFY).spec(), predictor(Task.CLASSIFY), batchSize);
            for (Classification c : classifier.classify(slide, circles(detections), bars.get(Task.CLASSIFY), cancel)) {
                classes.add(Optional.of(c));
                accepted.add(classifier.isGlomerulus(c));
            }
        } else {
            detections.forEach(d -> {
                classes.add(Optional.empty());
                accepted.add(true);
            });
        }
        long classifyMillis = stages.contains(Task.CLASSIFY) ? millisSince(t1) : 0;

        // Segmentation of the accepted glomeruli only.
        long t2 = System.nanoTime();
        List<Circle> toSegment = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            if (accepted.get(i)) {
                toSegment.add(detections.get(i).circle());
            }
        }
        List<Segmentation> segmentations = stages.contains(Task.SEGMENT)
                ? new Segmenter(model(Task.SEGMENT).spec(), predictor(Task.SEGMENT), batchSize)
                        .segment(slide, toSegment, bars.get(Task.SEGMENT), cancel)
                : null;
        long segmentMillis = stages.contains(Task.SEGMENT) ? millisSince(t2) : 0;
        cancel.throwIfCancelled();

        // Ids follow detection order over all detections, so a rejected one keeps its number too.
        List<GlomerulusResult> glomeruli = new ArrayList<>();
        List<GlomerulusResult> rejected = new ArrayList<>();
        int segmentedIndex = 0;
        for (int i = 0; i < detections.size(); i++) {
            if (accepted.get(i)) {
                Segmentation s = segmentations == null ? null : segmentations.get(segmentedIndex++);
                glomeruli.add(new GlomerulusResult(i + 1, detections.get(i), classes.get(i),
                        s == null ? Optional.empty() : s.outline(), s == null ? Optional.empty() : s.morphometry()));
            } else {
                rejected.add(new GlomerulusResult(i + 1, detections.get(i), classes.get(i),
                        Optional.empty(), Optional.empty()));
            }
        }
        progress.progress(1, "done: " + glomeruli.size() + " glomeruli, " + rejected.size() + " rejected");
        StageTimings timings = new StageTimings(detectMillis, classifyMillis, segmentMillis, millisSince(start));
        // Record the thresholds actually used, so the result says what the spec's defaults were.
        PipelineOptions used = given == null ? withDetectorDefaults(options) : options;
        return new SlideResult(slideInfo(slide), used, models.infos(stages), reportClasses(stages),
                sclerosedClasses(stages), glomeruli, rejected, tissueAreaMm2, tilesPlanned, tilesSkipped, timings,
                displayColors(stages), stain);
    }

    /**
     * The options with the detector's own score threshold and NMS IoU filled in where they are absent: what a
     * detecting run records as used, and so what a resumed run must compare against.
     */
    public PipelineOptions withDetectorDefaults(PipelineOptions options) {
        DetectionSettings resolved = detectionSettings(options);
        return options.toBuilder().scoreThreshold(resolved.scoreThreshold()).nmsIou(resolved.nmsIou()).build();
    }

    /** The detection settings these options give with this pipeline's detector. */
    public DetectionSettings detectionSettings(PipelineOptions options) {
        DetectConfig config = model(Task.DETECT).spec().detect();
        return new DetectionSettings(options.scoreThreshold().orElse(config.scoreThreshold()),
                options.nmsIou().orElse(config.nmsIou()), options.useTissueMask(), options.minTissueFraction(),
                batchSize);
    }

    private Detector detector() {
        return new Detector(model(Task.DETECT).spec(), predictor(Task.DETECT));
    }

    /** The stage's network, run as halves when a batch does not fit in memory. */
    private Predictor predictor(Task task) {
        return new HalvingPredictor(model(task).predictor());
    }

    private StageModel model(Task task) {
        return models.forTask(task).orElseThrow(() -> new IllegalArgumentException(
                "stage '" + task.word() + "' was asked for but no " + task.word() + " model was given"));
    }

    private static double tissueAreaWithoutDetection(Slide slide, PipelineOptions options) throws IOException {
        if (slide.micronsPerPixelX().isEmpty() || slide.micronsPerPixelY().isEmpty()) {
            return Double.NaN;
        }
        double mpp = slide.requireMicronsPerPixel();
        if (options.useTissueMask()) {
            return TissueMask.of(slide).tissueAreaMm2(mpp);
        }
        return slide.levels().get(0).width() * (double) slide.levels().get(0).height() * mpp * mpp / 1e6;
    }

    private List<String> reportClasses(Set<Task> stages) {
        if (!stages.contains(Task.CLASSIFY)) {
            return List.of(GlomerulusResult.UNCLASSIFIED);
        }
        ClassifyConfig c = model(Task.CLASSIFY).spec().classify();
        return c.classNames().stream().filter(n -> !n.equals(c.nonGlomerularClass())).toList();
    }

    private Set<String> sclerosedClasses(Set<Task> stages) {
        return stages.contains(Task.CLASSIFY) ? model(Task.CLASSIFY).spec().classify().sclerosedClasses() : Set.of();
    }

    private Map<String, Integer> displayColors(Set<Task> stages) {
        return stages.contains(Task.CLASSIFY) ? model(Task.CLASSIFY).spec().classify().displayColors() : Map.of();
    }

    private static SlideInfo slideInfo(Slide slide) {
        OptionalDouble mpp = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent()
                ? OptionalDouble.of((slide.micronsPerPixelX().getAsDouble() + slide.micronsPerPixelY().getAsDouble()) / 2)
                : OptionalDouble.empty();
        return new SlideInfo(String.valueOf(slide.path().getFileName()), slide.backendName(),
                slide.levels().get(0).width(), slide.levels().get(0).height(), mpp);
    }

    private static Map<Task, ProgressListener> progressBars(Set<Task> stages, ProgressListener whole) {
        double total = stages.stream().mapToDouble(WEIGHTS::get).sum();
        Map<Task, ProgressListener> bars = new EnumMap<>(Task.class);
        double at = 0;
        for (Task t : Task.values()) {
            if (stages.contains(t)) {
                double share = WEIGHTS.get(t) / total;
                bars.put(t, new ProgressRange(whole, at, at + share));
                at += share;
            }
        }
        return bars;
    }

    private static Set<Task> without(Set<Task> stages, Task task) {
        EnumSet<Task> s = EnumSet.noneOf(Task.class);
        s.addAll(stages);
        s.remove(task);
        return s;
    }

    private static List<Circle> circles(List<Detection> detections) {
        return detections.stream().map(Detection::circle).toList();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
