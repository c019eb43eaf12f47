package org.gloinone.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ModelSpec} and {@link ModelDescription} as a bioimage.io 0.5 rdf.yaml that
 * {@link ModelSpecReader} reads back to equal values. Preprocessing is written as one per-channel
 * {@code scale_linear}.
 */
public final class ModelSpecWriter {
    /** The bioimage.io model format version written. */
    public static final String FORMAT_VERSION = "0.5.4";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private ModelSpecWriter() {
    }

    /**
     * The rdf.yaml text.
     *
     * @param spec        pipeline settings
     * @param description everything else; its weights sha256 must be set
     * @param timestamp   creation time written into the description
     */
    public static String toYaml(ModelSpec spec, ModelDescription description, Instant timestamp) {
        if (description.weightsSha256() == null) {
            throw new IllegalArgumentException("weights sha256 must be known before rdf.yaml is written");
        }
        if (description.tensorflowVersion() == null) {
            throw new IllegalArgumentException("the TensorFlow version must be known before rdf.yaml is written");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format_version", FORMAT_VERSION);
        root.put("type", "model");
        root.put("name", spec.name());
        if (spec.version() != null) {
            root.put("version", spec.version());
        }
        root.put("description", description.description());
        root.put("authors", description.authors().stream().map(a -> Map.of("name", a)).toList());
        if (!description.citations().isEmpty()) {
            root.put("cite", description.citations().stream().map(c -> Map.of("text", c)).toList());
        }
        root.put("license", description.license());
        root.put("documentation", description.documentation());
        root.put("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("tags", List.of("glomerulus", "kidney", "whole-slide-image", "glo-in-one", spec.task().word()));

        TensorDescription input = description.inputs().get(0);
        Map<String, Object> in = tensor(input, null);
        in.put("data", Map.of("type", "float32"));
        in.put("preprocessing", List.of(scaleLinear(spec.preprocessing())));
        root.put("inputs", List.of(in));
        List<Object> outs = new ArrayList<>();
        for (TensorDescription o : description.outputs()) {
            outs.add(tensor(o, input));
        }
        root.put("outputs", outs);

        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("source", description.weightsSource());
        bundle.put("sha256", description.weightsSha256());
        bundle.put("tensorflow_version", description.tensorflowVersion());
        root.put("weights", Map.of("tensorflow_saved_model_bundle", bundle));

        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> tolerance = new LinkedHashMap<>();
        tolerance.put("absolute_tolerance", description.absoluteTolerance());
        tolerance.put("relative_tolerance", description.relativeTolerance());
        config.put("bioimageio", Map.of("reproducibility_tolerance", List.of(tolerance)));
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("task", spec.task().word());
        switch (spec.task()) {
            case DETECT -> ours.put("detect", detect(spec.detect()));
            case CLASSIFY -> ours.put("classify", classify(spec.classify()));
            case SEGMENT -> ours.put("segment", segment(spec.segment()));
        }
        config.put(ModelSpecReader.CONFIG_KEY, ours);
        root.put("config", config);
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and lists always serialise", e);
        }
    }

    private static Map<String, Object> tensor(TensorDescription t, TensorDescription reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        List<Object> axes = new ArrayList<>();
        for (int i = 0; i < t.rank(); i++) {
            String axis = t.axes().get(i);
            Map<String, Object> a = new LinkedHashMap<>();
            switch (axis) {
                case "batch" -> a.put("type", "batch");
                case "channel" -> {
                    a.put("type", "channel");
                    a.put("channel_names", t.channelNames());
                }
                case "y", "x" -> {
                    a.put("type", "space");
                    a.put("id", axis);
                    if (t.shape()[i] > 0) {
                        a.put("size", t.shape()[i]);
                    } else if (reference == null || !reference.axes().contains(axis)) {
                        a.put("size", orderedMap("min", Math.max(1, t.sizeMin()), "step", t.sizeStep()));
                    } else {
                        // bioimage.io: size = reference size * reference scale / this scale.
                        a.put("size", orderedMap("tensor_id", reference.id(), "axis_id", axis));
                    }
                    a.put("unit", "micrometer");
                    a.put("scale", t.micronsPerPixel());
                }
                default -> {
                    a.put("type", "index");
                    a.put("id", axis);
                    if (t.shape()[i] > 0) {
                        a.put("size", t.shape()[i]);
                    }
                }
            }
            axes.add(a);
        }
        m.put("axes", axes);
        if (t.testTensor() != null) {
            m.put("test_tensor", Map.of("source", t.testTensor()));
        }
        return m;
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, Object> scaleLinear(Preprocessing p) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("axis", "channel");
        kwargs.put("gain", List.of((double) p.scale(0), (double) p.scale(1), (double) p.scale(2)));
        kwargs.put("offset", List.of((double) p.offset(0), (double) p.offset(1), (double) p.offset(2)));
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", "scale_linear");
        step.put("kwargs", kwargs);
        return step;
    }

    private static Map<String, Object> detect(DetectConfig d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heatmap_output", d.heatmapOutput());
        m.put("offset_output", d.offsetOutput());
        m.put("radius_output", d.radiusOutput());
        m.put("heatmap", d.heatmapIsLogits() ? "logits" : "probabilities");
        m.put("output_stride", d.outputStride());
        m.put("radius_units", d.radiusInInputPixels() ? "input_pixels" : "output_cells");
        m.put("top_k", d.topK());
        m.put("score_threshold", d.scoreThreshold());
        m.put("nms_iou", d.nmsIou());
        m.put("tile_um", d.tileMicrons());
        m.put("overlap_um", d.overlapMicrons());
        if (d.minRadiusMicrons() > 0) {
            m.put("min_radius_um", d.minRadiusMicrons());
        }
        if (d.maxRadiusMicrons() < Double.POSITIVE_INFINITY) {
            m.put("max_radius_um", d.maxRadiusMicrons());
        }
        d.stainReference().ifPresent(r -> {
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("haematoxylin", r.haematoxylin());
            reference.put("eosin", r.eosin());
            m.put("stain_reference", reference);
        });
        if (d.testTimeViews() != 1) {
            m.put("test_time_views", d.testTimeViews());
        }
        if (d.radiusScale() != 1) {
            m.put("radius_scale", d.radiusScale());
        }
        return m;
    }

    private static Map<String, Object> classify(ClassifyConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probabilities_output", c.probabilitiesOutput());
        m.put("classes", c.classNames());
        if (c.nonGlomerularClass() != null) {
            m.put("non_glomerular", c.nonGlomerularClass());
        }
        // Sorted by class order so that the file does not depend on set iteration order.
        m.put("sclerosed", c.classNames().stream().filter(c.sclerosedClasses()::contains).toList());
        m.put("padding_um", c.paddingMicrons());
        m.put("patch_size", c.patchSize());
        if (c.hasRejectThreshold()) {
            m.put("reject_threshold", c.rejectThreshold());
        }
        if (!c.displayColors().isEmpty()) {
            Map<String, String> colors = new LinkedHashMap<>();
            c.classNames().stream().filter(c.displayColors()::containsKey)
                    .forEach(n -> colors.put(n, String.format("#%06X", c.displayColors().get(n))));
            m.put("display_colors", colors);
        }
        if (c.coarseSlideCorrection().isActive()) {
            Map<String, Object> coarse = new LinkedHashMap<>();
            coarse.put("from_um_per_px", c.coarseSlideCorrection().fromMicronsPerPixel());
            coarse.put("sclerosed_logit_per_um_per_px", c.coarseSlideCorrection().sclerosedLogitPerMicronPerPixel());
            m.put("coarse_slide_correction", coarse);
        }
        if (c.testTimeViews() != 1) {
            m.put("test_time_views", c.testTimeViews());
        }
        return m;
    }

    private static Map<String, Object> segment(SegmentConfig s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mask_output", s.maskOutput());
        m.put("padding_um", s.paddingMicrons());
        m.put("patch_size", s.patchSize());
        m.put("mask_threshold", s.maskThreshold());
        return m;
    }
}
