package org.gloinone.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gloinone.detect.TissueMask;
import org.gloinone.model.Device;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.Pipeline;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.pipeline.StageModel;

/**
 * Measures the All-in-One pipeline on a generated slide with randomly initialised networks of
 * realistic cost: wall time per stage, tiles per second, the share of detection wall time spent inside
 * TensorFlow, peak resident memory, and the speed-up the tissue mask gives. Arguments are
 * {@code --name=value}: width, height (level-0 pixels, default 20000 x 15000), mpp (0.5), detect-mpp (1.0),
 * tile-um (1024), net-width (64), threads (all cores), batch (4), stages (all | detect), compare-mask (true).
 * Prints a Markdown table.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, ModelException {
        Map<String, String> a = parse(args);
        long width = Long.parseLong(a.getOrDefault("width", "20000"));
        long height = Long.parseLong(a.getOrDefault("height", "15000"));
        double mpp = Double.parseDouble(a.getOrDefault("mpp", "0.5"));
        double detectMpp = Double.parseDouble(a.getOrDefault("detect-mpp", "1.0"));
        double tileMicrons = Double.parseDouble(a.getOrDefault("tile-um", "1024"));
        int netWidth = Integer.parseInt(a.getOrDefault("net-width", "64"));
        int threads = Integer.parseInt(a.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int batch = Integer.parseInt(a.getOrDefault("batch", "4"));
        boolean detectOnly = a.getOrDefault("stages", "all").equals("detect");
        boolean compareMask = Boolean.parseBoolean(a.getOrDefault("compare-mask", "true"));

        GeneratedSlide slide = new GeneratedSlide(width, height, mpp, 1);
        EnumSet<Task> stages = detectOnly ? EnumSet.of(Task.DETECT) : EnumSet.allOf(Task.class);
        // --models=DIR measures real model packages; without it, random networks of CircleNet's cost.
        PipelineModels loaded;
        String networks;
        if (a.containsKey("models")) {
            loaded = LoadedModels.load(ModelFinder.forThisProgram(Path.of(a.get("models"))).find(), stages,
                    new PredictorOptions(Device.CPU, threads, 0, false)).models();
            networks = "";
        } else {
            RandomNetworks nets = new RandomNetworks(netWidth, threads, 42);
            loaded = new PipelineModels(Optional.of(nets.detector(detectMpp, tileMicrons)),
                    detectOnly ? Optional.empty() : Optional.of(nets.classifier()),
                    detectOnly ? Optional.empty() : Optional.of(nets.segmenter()));
            networks = "random ";
        }
        StageModel d = loaded.detector().orElseThrow();
        TimedPredictor detectTime = new TimedPredictor(d.predictor());
        StageModel detector = new StageModel(d.spec(), detectTime, d.info());
        StageModel classifier = loaded.classifier().map(PipelineBenchmark::timed).orElse(null);
        StageModel segmenter = loaded.segmenter().map(PipelineBenchmark::timed).orElse(null);
        PipelineModels models = new PipelineModels(Optional.of(detector),
                Optional.ofNullable(classifier), Optional.ofNullable(segmenter));
        Pipeline pipeline = new Pipeline(models, batch);
        ProgressListener progress = new ConsoleProgress();

        long maskStart = System.nanoTime();
        TissueMask mask = TissueMask.of(slide);
        long maskMillis = (System.nanoTime() - maskStart) / 1_000_000;
        // The detector measures the slide's stain before detecting when its package records a training stain.
        long stainStart = System.nanoTime();
        var stain = d.spec().detect().stainReference().isEmpty() ? null
                : org.gloinone.stain.StainDensities.restainingFactors(slide, d.spec().detect().stainReference().get());
        long stainMillis = (System.nanoTime() - stainStart) / 1_000_000;

        SlideResult withMask = pipeline.run(slide, PipelineOptions.builder().stages(stages).threads(threads).build(), progress);
        long detectNanosInNetwork = detectTime.nanos();
        int analysed = withMask.tilesPlanned() - withMask.tilesSkipped();

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| slide | %d x %d px at %.2f um/px, %.0f %% tissue by the mask (%.1f mm2) |%n",
                width, height, mpp, 100 * mask.tissueAreaMm2(mpp) / (width * height * mpp * mpp / 1e6),
                mask.tissueAreaMm2(mpp)));
        out.append(String.format(Locale.ROOT, "| detector | %s%s, %d px tiles at %.2f um/px, batch %d, %d threads |%n",
                networks, d.spec().name(), Math.round(d.spec().detect().tileMicrons() / d.spec().micronsPerPixel()),
                d.spec().micronsPerPixel(), batch, threads));
        out.append(String.format(Locale.ROOT, "| tissue mask | %d ms (%d x %d px) |%n", maskMillis, mask.width(), mask.height()));
        if (stain != null) {
            out.append(String.format(Locale.ROOT, "| stain measured | %d ms (%s; part of detect) |%n", stainMillis,
                    stain.describe()));
        }
        out.append(String.format(Locale.ROOT, "| tiles | %d planned, %d skipped, %d analysed |%n",
                withMask.tilesPlanned(), withMask.tilesSkipped(), analysed));
        out.append(String.format(Locale.ROOT, "| detect | %.1f s, %.2f tiles/s, %.1f %% of it inside TensorFlow |%n",
                withMask.timings().detectMillis() / 1e3, analysed / (withMask.timings().detectMillis() / 1e3),
                100.0 * detectNanosInNetwork / 1e6 / withMask.timings().detectMillis()));
        if (!detectOnly) {
            out.append(String.format(Locale.ROOT, "| classify | %.1f s for %d detections, %.1f %% inside TensorFlow |%n",
                    withMask.timings().classifyMillis() / 1e3, withMask.glomeruli().size() + withMask.rejected().size(),
                    100.0 * ((TimedPredictor) classifier.predictor()).nanos() / 1e6 / Math.max(1, withMask.timings().classifyMillis())));
            out.append(String.format(Locale.ROOT, "| segment | %.1f s for %d glomeruli, %.1f %% inside TensorFlow |%n",
                    withMask.timings().segmentMillis() / 1e3, withMask.glomeruli().size(),
                    100.0 * ((TimedPredictor) segmenter.predictor()).nanos() / 1e6 / Math.max(1, withMask.timings().segmentMillis())));
        }
        out.append(String.format(Locale.ROOT, "| total | %.1f s |%n", withMask.timings().totalMillis() / 1e3));
        if (compareMask) {
            detectTime.reset();
            SlideResult noMask = pipeline.run(slide, PipelineOptions.builder().stages(EnumSet.of(Task.DETECT))
                    .threads(threads).useTissueMask(false).build(), progress);
            out.append(String.format(Locale.ROOT, "| detect without tissue mask | %.1f s for %d tiles; the mask saves %.0f %% (speed-up x%.2f) |%n",
                    noMask.timings().detectMillis() / 1e3, noMask.tilesPlanned(),
                    100.0 * (1 - (double) withMask.timings().detectMillis() / noMask.timings().detectMillis()),
                    (double) noMask.timings().detectMillis() / withMask.timings().detectMillis()));
        }
        out.append(String.format(Locale.ROOT, "| peak RSS | %s |%n", peakRss()));
        out.append(String.format(Locale.ROOT, "| max heap | %d MB |%n", Runtime.getRuntime().maxMemory() >> 20));
        System.out.print(out);
        detector.predictor().close();
        if (classifier != null) {
            classifier.predictor().close();
            segmenter.predictor().close();
        }
    }

    private static StageModel timed(StageModel m) {
        return new StageModel(m.spec(), new TimedPredictor(m.predictor()), m.info());
    }

    /** The process's peak resident set (VmHWM) on Linux, else "n/a". */
    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return (kb >> 10) + " MB";
            }
        }
        return "n/a";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got '" + arg + "'");
            }
            map.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return map;
    }

    /** Prints a progress line at most every 5 % on standard error. */
    private static final class ConsoleProgress implements ProgressListener {
        private double last = -1;

        @Override
        public synchronized void progress(double fraction, String message) {
            if (fraction < last) {
                last = -1; // a new run
            }
            if (fraction - last >= 0.05 || fraction >= 1) {
                last = fraction;
                System.err.printf(Locale.ROOT, "%5.1f%% %s%n", 100 * fraction, message);
            }
        }
    }
}
