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

/** The options shared by {@code run} and {@code demo}: models, stages, thresholds, device, outputs. */
final class RunOptions {
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

    /** The pipeline options; bad values throw IllegalArgumentException naming the option. */
    PipelineOptions pipelineOptions() {
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

    PredictorOptions predictorOptions(PipelineOptions pipeline) {
        return new PredictorOptions(pipeline.device(), pipeline.threads(), 0, trustModel);
    }

    Set<Task> stageSet() {
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

    OutputOptions outputOptions() {
        Set<OutputFormat> set = EnumSet.of(OutputFormat.MANIFEST);
        for (String f : formats) {
            switch (f.trim().toLowerCase(Locale.ROOT)) {
                case "xml" -> {
                    set.add(OutputFormat.IMAGESCOPE_XML);
                    set.add(OutputFormat.IMAGESCOPE_MASKS_XML);
                }
                case "geojson" -> set.add(OutputFormat.GEOJSON);
                case "csv" -> set.add(OutputFormat.GLOMERULI_CSV);
                case "overlay" -> set.add(OutputFormat.OVERLAY_PNG);
                case "rois" -> { } // an extra writer, see extraWriters()
                default -> throw new IllegalArgumentException("--formats: unknown format '" + f
                        + "'; use xml, geojson, csv, rois, overlay");
            }
        }
        return new OutputOptions(set, false, !noPatches);
    }

    List<SlideFileWriter> extraWriters() {
        List<SlideFileWriter> writers = new ArrayList<>();
        if (formats.stream().anyMatch(f -> f.trim().equalsIgnoreCase("rois"))) {
            writers.add(new RoiSetZip());
        }
        return writers;
    }
}
