package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.gloinone.model.Task;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.ProgramVersion;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.pipeline.StageTimings;
import org.gloinone.stain.StainNormalisation;

/**
 * The run manifest ({@code run.json}) of one slide folder: what produced its results, so a run can be
 * reproduced and resumed ({@link #matches}), and everything the slide's row of {@code summary.csv} needs,
 * so the summary is rebuilt from the output folder alone.
 *
 * @param programVersion Glo-In-One version
 * @param slideName      the slide's file name
 * @param sourcePath     the slide file's absolute path when it was run ("" for an image without a file)
 * @param slide          the slide file's fingerprint; null for an image without a file (never resumed)
 * @param models         the models used, with the sha256 computed from their weight files
 * @param options        the options, as words (see {@link #optionsOf})
 * @param timings        wall time per stage
 * @param counts         glomeruli per class, plus "rejected" (called non-glomerular)
 * @param classNames     glomerulus classes in report order
 * @param sclerosedClasses the classes counted as globally sclerosed
 * @param glomeruli      accepted glomeruli
 * @param tissueAreaMm2  tissue area in mm^2; null when unknown
 * @param stainFactors   the factors the detector restained the slide by to its training stain
 *                       ({@code haematoxylin}, {@code eosin}); null when it read the slide as scanned
 */
public record RunManifest(String programVersion, String slideName, String sourcePath, SlideFingerprint slide,
                          List<ModelInfo> models, Map<String, String> options, StageTimings timings,
                          Map<String, Integer> counts, List<String> classNames, List<String> sclerosedClasses,
                          int glomeruli, Double tissueAreaMm2, Map<String, Double> stainFactors) {
    /** Options that do not change results (only speed), and so do not stop a resume. */
    private static final List<String> SPEED_ONLY = List.of("threads", "device");

    public RunManifest {
        Objects.requireNonNull(programVersion, "programVersion");
        Objects.requireNonNull(slideName, "slideName");
        Objects.requireNonNull(sourcePath, "sourcePath");
        models = List.copyOf(models);
        options = Map.copyOf(options);
        Objects.requireNonNull(timings, "timings");
        counts = Map.copyOf(counts);
        classNames = List.copyOf(classNames);
        sclerosedClasses = List.copyOf(sclerosedClasses);
        stainFactors = stainFactors == null ? null : Map.copyOf(stainFactors);
    }

    /**
     * The manifest of {@code result} by this program version.
     *
     * @param sourcePath      the slide file's absolute path, or "" for an image without a file
     * @param slideFingerprint the slide file's fingerprint, or null for an image without a file
     * @param options         the options as words ({@link #optionsOf})
     */
    public static RunManifest of(SlideResult result, String sourcePath, SlideFingerprint slideFingerprint,
                                 Map<String, String> options) {
        Map<String, Integer> counts = new LinkedHashMap<>(result.countsByClass());
        counts.put(ResultSchema.REJECTED, result.rejected().size());
        double tissue = result.tissueAreaMm2();
        return new RunManifest(ProgramVersion.get(), result.slide().name(), sourcePath, slideFingerprint,
                result.models(), options, result.timings(), counts, result.classNames(),
                result.sclerosedClasses().stream().sorted().toList(), result.glomeruli().size(),
                Double.isFinite(tissue) ? tissue : null, stainFactors(result.stain()));
    }

    private static Map<String, Double> stainFactors(StainNormalisation stain) {
        return stain.isNone() ? null : Map.of("haematoxylin", stain.haematoxylin(), "eosin", stain.eosin());
    }

    /**
     * The options that shape a slide folder as stable words: the pipeline's (e.g.
     * {@code stages=detect,classify,segment}, {@code score=} for the spec default) and which files are written.
     */
    public static Map<String, String> optionsOf(PipelineOptions o, OutputOptions output) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("stages", String.join(",", o.stages().stream().map(Task::word).toList()));
        m.put("score", o.scoreThreshold().isPresent() ? Numbers.format(o.scoreThreshold().getAsDouble(), 6) : "");
        m.put("nms-iou", o.nmsIou().isPresent() ? Numbers.format(o.nmsIou().getAsDouble(), 6) : "");
        m.put("tissue-mask", Boolean.toString(o.useTissueMask()));
        m.put("min-tissue", Numbers.format(o.minTissueFraction(), 6));
        m.put("threads", Integer.toString(o.threads()));
        m.put("device", o.device().name().toLowerCase(Locale.ROOT));
        m.put("mpp", o.assumedMicronsPerPixel().isPresent()
                ? Numbers.format(o.assumedMicronsPerPixel().getAsDouble(), 6) : "");
        m.put("formats", String.join(",", output.formats().stream().sorted()
                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
        m.put("non-glomerular-layer", Boolean.toString(output.includeNonGlomerular()));
        m.put("patches", Boolean.toString(output.writePatches()));
        return m;
    }

    /**
     * True when a run with {@code planned}'s program, models, options and slide file would produce the
     * results this manifest describes: same program version, models (by sha256), result-affecting options
     * and slide fingerprint. Thread count and device only change speed and are ignored. A manifest without a
     * fingerprint (an image that is no file) never matches.
     */
    public boolean matches(String plannedVersion, List<ModelInfo> plannedModels, Map<String, String> plannedOptions,
                           SlideFingerprint plannedSlide) {
        return slide != null && programVersion.equals(plannedVersion) && slide.equals(plannedSlide)
                && models.equals(plannedModels) && resultOptions(options).equals(resultOptions(plannedOptions));
    }

    private static Map<String, String> resultOptions(Map<String, String> options) {
        Map<String, String> m = new LinkedHashMap<>(options);
        SPEED_ONLY.forEach(m::remove);
        return m;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes this manifest as JSON to {@code file} (atomically). */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, mapper().writeValueAsString(this) + "\n");
    }

    /**
     * Reads a manifest written by {@link #write}.
     *
     * @throws ResultFileException naming the file when it is no complete manifest of this format
     */
    public static RunManifest read(Path file) throws IOException {
        if (Files.size(file) > (1 << 20)) {
            throw new ResultFileException(file, "is larger than 1 MiB, not a run manifest");
        }
        try {
            RunManifest m = mapper().readValue(file.toFile(), RunManifest.class);
            if (m == null) {
                throw new ResultFileException(file, "is not a run manifest");
            }
            return m;
        } catch (JsonProcessingException | NullPointerException | IllegalArgumentException e) {
            // A missing field reaches the constructor as null: an older or damaged manifest.
            throw new ResultFileException(file, "is not a valid run manifest (" + e.getMessage() + ")", e);
        }
    }
}
