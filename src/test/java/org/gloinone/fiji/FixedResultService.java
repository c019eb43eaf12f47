package org.gloinone.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.gloinone.classify.Classification;
import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.io.OutputFormat;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideInfo;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.pipeline.StageTimings;
import org.gloinone.segment.Morphometry;
import org.gloinone.segment.Outline;

/**
 * A stand-in for the pipeline for front-door tests: "detects" a fixed set of circles (filtered by the score
 * threshold, default 0.5), "classifies" a circle as sclerosed when its radius is below 40 px and normal
 * otherwise, "segments" a circle into a 16-gon of 0.9 times its radius, and writes one small text file per
 * format. Reads annotations from lines "x y r". The tests are about menus, dialogs, macros, ROIs and tables.
 */
public class FixedResultService implements GloInOneService {
    /** The fixed detections on a 1000 x 800 image: (x, y, r, score). */
    static final double[][] DETECTIONS = {
            {100, 100, 50, 0.95}, {300, 120, 30, 0.90}, {520, 400, 60, 0.80},
            {700, 600, 35, 0.60}, {850, 200, 45, 0.40}};
    static final double MPP = 0.5;
    static final List<String> CLASSES = List.of("normal", "sclerosed");

    @Override
    public SlideResult detect(SlideSource slide, PipelineOptions options, ProgressListener progress,
                              CancellationToken cancel) {
        return result(slide, options, detections(options, progress, cancel), false, false);
    }

    @Override
    public SlideResult classify(SlideSource slide, List<Circle> circles, PipelineOptions options,
                                ProgressListener progress, CancellationToken cancel) {
        return result(slide, options, given(circles), true, false);
    }

    @Override
    public SlideResult segment(SlideSource slide, List<Circle> circles, PipelineOptions options,
                               ProgressListener progress, CancellationToken cancel) {
        return result(slide, options, given(circles), false, true);
    }

    @Override
    public SlideResult allInOne(SlideSource slide, PipelineOptions options, ProgressListener progress,
                                CancellationToken cancel) {
        return result(slide, options, detections(options, progress, cancel),
                options.stages().contains(Task.CLASSIFY), options.stages().contains(Task.SEGMENT));
    }

    private static List<Detection> detections(PipelineOptions options, ProgressListener progress,
                                              CancellationToken cancel) {
        double threshold = options.scoreThreshold().orElse(0.5);
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < DETECTIONS.length; i++) {
            progress.progress((double) i / DETECTIONS.length, "detect: tile " + (i + 1) + "/" + DETECTIONS.length);
            cancel.throwIfCancelled();
            double[] d = DETECTIONS[i];
            if (d[3] >= threshold) {
                found.add(new Detection(new Circle(d[0], d[1], d[2]), d[3]));
            }
        }
        return found;
    }

    private static List<Detection> given(List<Circle> circles) {
        return circles.stream().map(c -> new Detection(c, 1.0)).toList();
    }

    private static SlideResult result(SlideSource slide, PipelineOptions options, List<Detection> detections,
                                      boolean classify, boolean segment) {
        List<GlomerulusResult> glomeruli = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            Circle c = d.circle();
            Optional<Classification> k = Optional.empty();
            if (classify) {
                boolean sclerosed = c.radius() < 40;
                k = Optional.of(new Classification(sclerosed ? "sclerosed" : "normal", CLASSES,
                        sclerosed ? List.of(0.1, 0.9) : List.of(0.9, 0.1)));
            }
            Optional<Outline> outline = Optional.empty();
            Optional<Morphometry> morphometry = Optional.empty();
            if (segment) {
                double[] xs = new double[16];
                double[] ys = new double[16];
                for (int v = 0; v < 16; v++) {
                    xs[v] = c.centerX() + 0.9 * c.radius() * Math.cos(2 * Math.PI * v / 16);
                    ys[v] = c.centerY() + 0.9 * c.radius() * Math.sin(2 * Math.PI * v / 16);
                }
                outline = Optional.of(new Outline(xs, ys));
                double r = 0.9 * c.radius() * MPP;
                morphometry = Optional.of(new Morphometry(Math.PI * r * r, 2 * Math.PI * r, 2 * r, 1, 1));
            }
            glomeruli.add(new GlomerulusResult(i + 1, d, k, outline, morphometry));
        }
        SlideInfo info = new SlideInfo(slide.displayName(), "fixed", 1000, 800, OptionalDouble.of(MPP));
        return new SlideResult(info, options, models(), classify ? CLASSES : List.of(GlomerulusResult.UNCLASSIFIED),
                classify ? Set.of("sclerosed") : Set.of(), glomeruli, List.of(), 0.2, 4, 1,
                new StageTimings(10, classify ? 5 : 0, segment ? 5 : 0, 20));
    }

    private static List<ModelInfo> models() {
        return List.of(new ModelInfo("detect", "fixed-detector", "1", "0".repeat(64)));
    }

    @Override
    public List<Path> write(SlideSource slide, SlideResult result, Path folder, Set<OutputFormat> formats)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (OutputFormat f : EnumSet.copyOf(formats.isEmpty() ? EnumSet.noneOf(OutputFormat.class) : formats)) {
            Path file = folder.resolve(StageRunner.baseName(result.slide().name()) + "." + f.word() + ".txt");
            Files.writeString(file, result.glomeruli().size() + " glomeruli\n");
            files.add(file);
        }
        return files;
    }

    @Override
    public List<Circle> readAnnotations(Path file) throws IOException {
        List<Circle> circles = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                String[] w = line.trim().split("\\s+");
                circles.add(new Circle(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2])));
            }
        }
        return circles;
    }

    @Override
    public List<ModelInfo> installedModels() {
        return models();
    }

    @Override
    public ImagePlus thumbnail(Path slide, int maxSide) {
        double downsample = Math.max(1, 1000.0 / maxSide);
        ImagePlus imp = new ImagePlus(slide.getFileName() + " (thumbnail)",
                new ColorProcessor((int) Math.round(1000 / downsample), (int) Math.round(800 / downsample)));
        SlideView.mark(imp, slide, downsample);
        return imp;
    }

    /** One white 1000 x 800 level. */
    @Override
    public SlideImages images(Path slide) {
        int[] white = new int[1000 * 800];
        java.util.Arrays.fill(white, 0xffffffff);
        return new SlideImages(String.valueOf(slide.getFileName()),
                List.of(net.imglib2.img.array.ArrayImgs.argbs(white, 1000, 800)), List.of(1.0), OptionalDouble.of(MPP),
                () -> { });
    }

    @Override
    public SlideGeometry geometry(SlideSource slide) {
        return new SlideGeometry(1000, 800, OptionalDouble.of(MPP));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FixedResultService[%d circles]", DETECTIONS.length);
    }
}
