package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * The run manifest ({@code run.json}) of one slide: what produced its results, so a run can be
 * reproduced, and so a batch can skip a slide whose results are already there ({@link #matches}).
 *
 * @param programVersion Glo-In-One version
 * @param slideName      the slide's file name
 * @param slide          the slide file's fingerprint
 * @param models         the models used, with their sha256
 * @param options        the options, as words (see {@link #optionsOf})
 * @param timings        wall time per stage
 * @param counts         glomeruli per class, plus "rejected" (called non-glomerular)
 */
public record RunManifest(String programVersion, String slideName, SlideFingerprint slide, List<ModelInfo> models,
                          Map<String, String> options, StageTimings timings, Map<String, Integer> counts) {
    /** Options that do not change results (only speed), and so do not stop a resume. */
    private static final List<String> SPEED_ONLY = List.of("threads", "device");

    public RunManifest {
        Objects.requireNonNull(programVersion, "programVersion");
        Objects.requireNonNull(slide, "slide");
        models = List.copyOf(models);
        options = Map.copyOf(options);
        counts = Map.copyOf(counts);
    }

    /** The manifest of {@code result} computed from {@code slideFingerprint} by this program version. */
    public static RunManifest of(SlideResult result, SlideFingerprint slideFingerprint) {
        Map<String, Integer> counts = new LinkedHashMap<>(result.countsByClass());
        counts.put("rejected", result.rejected().size());
        return new RunManifest(ProgramVersion.get(), result.slide().name(), slideFingerprint, result.models(),
                optionsOf(result.options()), result.timings(), counts);
    }

    /** The options as stable words, e.g. {@code stages=detect,classify,segment}, {@code score=} (spec default). */
    public static Map<String, String> optionsOf(PipelineOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("stages", String.join(",", o.stages().stream().map(Task::word).toList()));
        m.put("score", o.scoreThreshold().isPresent() ? Numbers.format(o.scoreThreshold().getAsDouble(), 6) : "");
        m.put("nms-iou", o.nmsIou().isPresent() ? Numbers.format(o.nmsIou().getAsDouble(), 6) : "");
        m.put("tissue-mask", Boolean.toString(o.useTissueMask()));
        m.put("min-tissue", Numbers.format(o.minTissueFraction(), 6));
        m.put("threads", Integer.toString(o.threads()));
        m.put("device", o.device().name().toLowerCase(java.util.Locale.ROOT));
        m.put("mpp", o.assumedMicronsPerPixel().isPresent()
                ? Numbers.format(o.assumedMicronsPerPixel().getAsDouble(), 6) : "");
        return m;
    }

    /**
     * True when a run with {@code planned}'s program, models, options and slide file would produce the
     * results this manifest describes: same program version, models (by sha256), result-affecting options
     * and slide fingerprint. Thread count and device only change speed and are ignored.
     */
    public boolean matches(RunManifest planned) {
        return programVersion.equals(planned.programVersion) && slide.equals(planned.slide)
                && models.equals(planned.models) && resultOptions(options).equals(resultOptions(planned.options));
    }

    /** Same as {@link #matches(RunManifest)}, for a run not yet done. */
    public boolean matches(List<ModelInfo> plannedModels, PipelineOptions plannedOptions,
                           SlideFingerprint plannedSlide) {
        return matches(new RunManifest(ProgramVersion.get(), slideName, plannedSlide, plannedModels,
                optionsOf(plannedOptions), timings, counts));
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

    /** Reads a manifest written by {@link #write}. */
    public static RunManifest read(Path file) throws IOException {
        if (Files.size(file) > (1 << 20)) {
            throw new ResultFileException(file, "is larger than 1 MiB, not a run manifest");
        }
        try {
            RunManifest m = mapper().readValue(file.toFile(), RunManifest.class);
            if (m == null || m.programVersion() == null) {
                throw new ResultFileException(file, "is not a run manifest");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new ResultFileException(file, "is not a valid run manifest (" + e.getMessage() + ")", e);
        }
    }
}
