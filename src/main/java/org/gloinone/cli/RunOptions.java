package org.gloinone.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gloinone.imagej.RoiSetZip;
import org.gloinone.io.OutputFormat;
import org.gloinone.io.OutputOptions;
import org.gloinone.io.SlideFileWriter;
import org.gloinone.model.Device;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.slide.SlideLimits;

import picocli.CommandLine.Option;

/**
 * The options shared by {@code run}, {@code demo} and the Spark cohort application: models, stages, thresholds,
 * device, outputs. The one validator of run options: each accessor turns the words into the core's values.
 */
public final class RunOptions {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of model packages (default: $GLO_IN_ONE_MODELS, else the bundled models/).")
    Path models;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE", defaultValue = "detect,classify,segment",
            description = "Stages to run, from detect,classify,segment (default: ${DEFAULT-VALUE}).")
    List<String> stages;

    @Option(names = "--score", paramLabel = "T",
            description = "Minimum detection score, 0-1 (default: the detector's own).")
    Double score;

    @Option(names = "--nms-iou", paramLabel = "T",
            description = "Circle IoU above which overlapping detections merge, 0-1 (default: the detector's own).")
    Double nmsIou;

    @Option(names = "--threads", paramLabel = "N",
            description = "TensorFlow threads (default: all cores).")
    Integer threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the networks run (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--mpp", paramLabel = "X",
            description = "Pixel size in um/px for slides whose file does not state one (PNG, JPEG, some TIFFs); "
                    + "a stated pixel size always wins (default: none, such slides fail).")
    Double mpp;

    @Option(names = "--no-tissue-mask", description = "Run the detector on every tile, tissue or not.")
    boolean noTissueMask;

    @Option(names = "--no-patches", description = "Do not write patches/ and masks/.")
    boolean noPatches;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT", defaultValue = "xml,geojson,csv,rois,overlay",
            description = "Result files, from xml,geojson,csv,rois,overlay (default: ${DEFAULT-VALUE}); "
                    + "run.json is always written.")
    List<String> formats;

    @Option(names = "--trust-model",
            description = "Load models even if their graph has operations that touch files or the network.")
    boolean trustModel;

    /** A picocli command that only holds these options, for {@link #parse}. */
    @picocli.CommandLine.Command(name = "run-options")
    private static final class Holder {
        @picocli.CommandLine.Mixin
        RunOptions options;
    }

    /**
     * Parses run options from command-line words, such as those {@link #arguments()} gives.
     *
     * @throws IllegalArgumentException naming the word that is not a run option
     */
    public static RunOptions parse(List<String> arguments) {
        Holder holder = new Holder();
        try {
            new picocli.CommandLine(holder).parseArgs(arguments.toArray(String[]::new));
        } catch (picocli.CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return holder.options;
    }

    /** These options as command-line words: {@link #parse} of them gives equal options (to ship them to workers). */
    public List<String> arguments() {
        List<String> words = new ArrayList<>();
        if (models != null) {
            words.addAll(List.of("--models", models.toString()));
        }
        words.addAll(List.of("--stages", String.join(",", stages)));
        if (score != null) {
            words.addAll(List.of("--score", Double.toString(score)));
        }
        if (nmsIou != null) {
            words.addAll(List.of("--nms-iou", Double.toString(nmsIou)));
        }
        if (threads != null) {
            words.addAll(List.of("--threads", Integer.toString(threads)));
        }
        words.addAll(List.of("--device", device));
        if (mpp != null) {
            words.addAll(List.of("--mpp", Double.toString(mpp)));
        }
        if (noTissueMask) {
            words.add("--no-tissue-mask");
        }
        if (noPatches) {
            words.add("--no-patches");
        }
        words.addAll(List.of("--formats", String.join(",", formats)));
        if (trustModel) {
            words.add("--trust-model");
        }
        return words;
    }

    /** The {@code --models} folder, or null for the default search order. */
    public Path models() {
        return models;
    }

    /** The pipeline options; bad values throw IllegalArgumentException naming the option. */
    public PipelineOptions pipelineOptions() {
        PipelineOptions.Builder b = PipelineOptions.builder().stages(stageSet()).device(Device.parse(device))
                .useTissueMask(!noTissueMask);
        if (score != null) {
            b.scoreThreshold(score);
        }
        if (nmsIou != null) {
            b.nmsIou(nmsIou);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (mpp != null) {
            SlideLimits.requirePlausible(mpp); // a usage error up front rather than one failure per slide
            b.assumedMicronsPerPixel(mpp);
        }
        return b.build();
    }

    /** How the networks run for {@code pipeline}: its device and threads, and whether the models are trusted. */
    public PredictorOptions predictorOptions(PipelineOptions pipeline) {
        return new PredictorOptions(pipeline.device(), pipeline.threads(), 0, trustModel);
    }

    /** The stages asked for; bad values throw IllegalArgumentException naming {@code --stages}. */
    public Set<Task> stageSet() {
        Set<Task> set = EnumSet.noneOf(Task.class);
        for (String s : stages) {
            try {
                set.add(Task.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--stages: unknown stage '" + s + "'; use detect, classify, segment");
            }
        }
        if (!set.contains(Task.DETECT)) {
            throw new IllegalArgumentException("--stages must include detect (to classify or segment circles "
                    + "you drew, use Fiji's Classify/Segment with the ROI Manager)");
        }
        return set;
    }

    /** Which files to write; bad values throw IllegalArgumentException naming {@code --formats}. */
    public OutputOptions outputOptions() {
        try {
            return new OutputOptions(OutputFormat.parseList(String.join(",", formats)), false, !noPatches);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    /** Writers of the result files beyond the core's, e.g. the ImageJ ROI set. */
    public List<SlideFileWriter> extraWriters() {
        List<SlideFileWriter> writers = new ArrayList<>();
        if (outputOptions().formats().contains(OutputFormat.ROIS)) {
            writers.add(new RoiSetZip());
        }
        return writers;
    }
}
