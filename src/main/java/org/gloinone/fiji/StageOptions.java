package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gloinone.io.OutputFormat;
import org.gloinone.model.Device;
import org.gloinone.pipeline.PipelineOptions;

/**
 * What one menu command was asked to do: the dialog's fields as one validated, immutable value. The
 * dialog only fills it; macros give the same keys ({@link #toMacroOptions()} writes them, {@link #parse}
 * reads them), so a recorded command replays to the same options.
 *
 * @param stage       which command
 * @param slide       the slide file; empty = the current image
 * @param annotations for Classify and Segment: an annotation file with the circles; empty = the ROI Manager
 * @param output      folder for result files; empty = no files (GUI only; headless runs need one)
 * @param score       minimum detection score; empty = the detector's default
 * @param nmsIou      circle-NMS IoU; empty = the detector's default
 * @param threads     TensorFlow threads, 1 to 256
 * @param device      auto, cpu or gpu
 * @param tissueMask  skip tiles without tissue
 * @param minTissue   minimum tissue fraction of a tile, 0 to 1
 * @param formats     result files to write into {@code output}
 * @param addRois     add one ROI per glomerulus to the ROI Manager
 * @param outlines    also add the mask outlines (when segmented)
 * @param overlay     draw the result as an overlay on the image or a thumbnail
 * @param tables      show the two result tables
 */
public record StageOptions(Stage stage, Optional<Path> slide, Optional<Path> annotations, Optional<Path> output,
                           OptionalDouble score, OptionalDouble nmsIou, int threads, Device device,
                           boolean tissueMask, double minTissue, Set<OutputFormat> formats,
                           boolean addRois, boolean outlines, boolean overlay, boolean tables) {

    /** Macro keys, in dialog order. */
    static final String SLIDE = "slide";
    static final String ANNOTATIONS = "annotations";
    static final String OUTPUT = "output";
    static final String SCORE = "score";
    static final String NMS_IOU = "nms-iou";
    static final String THREADS = "threads";
    static final String DEVICE = "device";
    static final String TISSUE = "tissue";
    static final String MIN_TISSUE = "min-tissue";
    static final String FORMATS = "formats";
    static final String ROIS = "rois";
    static final String OUTLINES = "outlines";
    static final String OVERLAY = "overlay";
    static final String TABLES = "tables";

    public StageOptions {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(device, "device");
        // One validator for every front door: the pipeline's options name the bad value and its range.
        PipelineOptions.Builder check = PipelineOptions.builder().stages(stage.tasks()).threads(threads)
                .device(device).minTissueFraction(minTissue);
        score.ifPresent(check::scoreThreshold);
        nmsIou.ifPresent(check::nmsIou);
        check.build();
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        if (!stage.needsCircles() && annotations.isPresent()) {
            throw new IllegalArgumentException(ANNOTATIONS + " is only for Classify and Segment, not "
                    + stage.command());
        }
    }

    /** The defaults of a stage: current image, model thresholds, all cores, tissue mask on, GUI results on. */
    public static StageOptions defaults(Stage stage) {
        return new StageOptions(stage, Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Math.min(256, Runtime.getRuntime().availableProcessors()), Device.AUTO,
                true, 0.01, EnumSet.allOf(OutputFormat.class), true, false, true, true);
    }

    /** The pipeline options these stand for; the stage decides which tasks run. */
    public PipelineOptions toPipelineOptions() {
        PipelineOptions.Builder b = PipelineOptions.builder().stages(stage.tasks()).threads(threads).device(device)
                .useTissueMask(tissueMask).minTissueFraction(minTissue);
        score.ifPresent(b::scoreThreshold);
        nmsIou.ifPresent(b::nmsIou);
        return b.build();
    }

    /** The input these options name: the slide file, else {@code currentImage}. */
    public String slideText() {
        return slide.map(Path::toString).orElse("");
    }

    /**
     * The macro options string, as ImageJ's recorder writes it for the dialog:
     * {@code run("All-in-One", toMacroOptions())} replays these options.
     */
    public String toMacroOptions() {
        StringBuilder s = new StringBuilder();
        slide.ifPresent(p -> put(s, SLIDE, p.toString()));
        annotations.ifPresent(p -> put(s, ANNOTATIONS, p.toString()));
        output.ifPresent(p -> put(s, OUTPUT, p.toString()));
        score.ifPresent(v -> put(s, SCORE, number(v)));
        nmsIou.ifPresent(v -> put(s, NMS_IOU, number(v)));
        put(s, THREADS, Integer.toString(threads));
        put(s, DEVICE, device.name().toLowerCase(Locale.ROOT));
        flag(s, TISSUE, tissueMask);
        put(s, MIN_TISSUE, number(minTissue));
        put(s, FORMATS, OutputFormat.toList(formats));
        flag(s, ROIS, addRois);
        flag(s, OUTLINES, outlines);
        flag(s, OVERLAY, overlay);
        flag(s, TABLES, tables);
        return s.toString().trim();
    }

    private static String number(double v) {
        String text = String.format(Locale.ROOT, "%.4f", v);
        return text.replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }

    private static void put(StringBuilder s, String key, String value) {
        if (value.isEmpty()) {
            return;
        }
        boolean bracket = value.contains(" ") || value.contains("=") || value.contains("[");
        s.append(key).append('=').append(bracket ? "[" + value + "]" : value).append(' ');
    }

    private static void flag(StringBuilder s, String key, boolean on) {
        if (on) {
            s.append(key).append(' ');
        }
    }

    /**
     * Reads a macro options string (the second argument of {@code run(...)}). Keys that are absent take
     * the defaults, except check boxes: as in every ImageJ macro, an absent check box is off.
     *
     * @throws IllegalArgumentException naming the key and its value when a value is invalid
     */
    public static StageOptions parse(Stage stage, String macroOptions) {
        MacroText m = new MacroText(macroOptions);
        StageOptions d = defaults(stage);
        return new StageOptions(stage, m.path(SLIDE), stage.needsCircles() ? m.path(ANNOTATIONS) : Optional.empty(),
                m.path(OUTPUT), m.optionalNumber(SCORE), m.optionalNumber(NMS_IOU),
                m.integer(THREADS, d.threads()), device(m.text(DEVICE, "auto")), m.flag(TISSUE),
                m.number(MIN_TISSUE, d.minTissue()), OutputFormat.parseList(m.text(FORMATS, "")),
                m.flag(ROIS), m.flag(OUTLINES), m.flag(OVERLAY), m.flag(TABLES));
    }

    static Device device(String word) {
        return Device.parse(word);
    }

    /**
     * The key=value and key=[value] words of a macro options string, read the way ImageJ's dialogs read
     * them: values in square brackets may hold spaces, a bare word is a ticked check box.
     */
    static final class MacroText {
        private static final Pattern WORD = Pattern.compile("([^\\s=\\[\\]]+)(?:=(\\[[^\\]]*\\]|\\S*))?");
        private final Map<String, String> values = new HashMap<>();
        private final Set<String> flags = new HashSet<>();

        MacroText(String options) {
            Matcher m = WORD.matcher(options == null ? "" : options);
            while (m.find()) {
                String key = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2);
                if (value == null) {
                    flags.add(key);
                } else {
                    values.put(key, value.startsWith("[") ? value.substring(1, value.length() - 1) : value);
                }
            }
        }

        boolean flag(String key) {
            return flags.contains(key);
        }

        String text(String key, String fallback) {
            return values.getOrDefault(key, fallback).trim();
        }

        Optional<Path> path(String key) {
            String v = text(key, "");
            return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
        }

        OptionalDouble optionalNumber(String key) {
            String v = text(key, "");
            return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(parse(key, v));
        }

        double number(String key, double fallback) {
            String v = text(key, "");
            return v.isEmpty() ? fallback : parse(key, v);
        }

        int integer(String key, int fallback) {
            String v = text(key, "");
            try {
                return v.isEmpty() ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
            }
        }

        private static double parse(String key, String v) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, got '" + v + "'", e);
            }
        }
    }
}
