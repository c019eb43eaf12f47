package org.gloinone.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gloinone.stain.StainDensities;

/**
 * Reads a package's {@code rdf.yaml} (bioimage.io model description, format 0.5) with its
 * {@code config: glo-in-one:} section into a validated {@link ModelRdf}. Every error names the file and the
 * field, e.g. {@code models/detector/rdf.yaml: config.glo-in-one.detect.nms_iou must be in [0, 1], got 1.7}.
 * The format is documented in docs/MODELS.md.
 */
public final class ModelSpecReader {
    /** The name of the description file inside a package. */
    public static final String RDF_FILE = "rdf.yaml";
    /** The key under {@code config:} that holds the Glo-In-One settings. */
    public static final String CONFIG_KEY = "glo-in-one";
    /** rdf.yaml larger than this is not a description but an attack or an accident. */
    private static final long MAX_RDF_BYTES = 1 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ModelSpecReader() {
    }

    /**
     * Reads and validates an rdf.yaml file. Files it names (documentation, test tensors) are resolved
     * against its folder; the documentation must exist.
     *
     * @throws ModelException naming the file and the field on any problem
     */
    public static ModelRdf read(Path rdfFile) throws ModelException {
        return read(rdfFile, rdfFile.toString());
    }

    /**
     * Reads and validates an rdf.yaml file, naming it {@code label} in errors (e.g. {@code detector.zip!/rdf.yaml}
     * for a file unpacked from a zip).
     *
     * @throws ModelException naming {@code label} and the field on any problem
     */
    public static ModelRdf read(Path rdfFile, String label) throws ModelException {
        try {
            if (Files.size(rdfFile) > MAX_RDF_BYTES) {
                throw new ModelException(label + ": larger than " + MAX_RDF_BYTES + " bytes; not a model description");
            }
        } catch (IOException e) {
            throw new ModelException(label + ": cannot read: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(rdfFile)) {
            ModelRdf rdf = parse(in, label);
            Path dir = rdfFile.toAbsolutePath().getParent();
            if (!Files.isRegularFile(dir.resolve(rdf.description().documentation()))) {
                throw new ModelException(label + ": documentation '" + rdf.description().documentation()
                        + "' does not exist in the package");
            }
            return rdf;
        } catch (IOException e) {
            throw new ModelException(label + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses rdf.yaml text without touching the files it names.
     *
     * @param in    the YAML
     * @param label the file name used in error messages
     * @throws ModelException naming {@code label} and the field on any problem
     */
    public static ModelRdf parse(InputStream in, String label) throws ModelException {
        JsonNode tree;
        try {
            tree = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ModelException(label + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ModelException(label + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ModelException(label + ": must be a YAML mapping (a bioimage.io model description)");
        }
        return parseTree(new RdfNode(tree, "", label));
    }

    private static ModelRdf parseTree(RdfNode root) throws ModelException {
        RdfNode type = root.field("type");
        if (!type.text().equals("model")) {
            throw type.error("must be 'model', got '" + type.text() + "'");
        }
        RdfNode format = root.field("format_version");
        if (!format.text().startsWith("0.5.")) {
            throw format.error("must be 0.5.x (bioimage.io model format 0.5), got '" + format.text() + "'");
        }
        String name = root.field("name").nonBlankText();
        String description = root.field("description").text().trim();
        String version = root.optional("version").isPresent() ? root.field("version").nonBlankText() : null;
        List<String> authors = new ArrayList<>();
        for (RdfNode a : root.field("authors").list()) {
            authors.add(a.field("name").nonBlankText());
        }
        if (authors.isEmpty()) {
            throw root.field("authors").error("needs at least one author");
        }
        String license = root.field("license").nonBlankText();
        String documentation = relativePath(root.field("documentation"));
        List<String> cite = new ArrayList<>();
        if (root.has("cite")) {
            for (RdfNode c : root.field("cite").list()) {
                cite.add(c.field("text").nonBlankText());
            }
        }

        List<RdfNode> inputNodes = root.field("inputs").list();
        if (inputNodes.size() != 1) {
            throw root.field("inputs").error("must hold exactly one input (the RGB image), got " + inputNodes.size());
        }
        TensorDescription input = tensor(inputNodes.get(0));
        checkImageInput(inputNodes.get(0), input);
        Preprocessing preprocessing = preprocessing(inputNodes.get(0));

        List<TensorDescription> outputs = new ArrayList<>();
        LinkedHashSet<String> outputIds = new LinkedHashSet<>();
        for (RdfNode o : root.field("outputs").list()) {
            TensorDescription t = tensor(o);
            if (!outputIds.add(t.id()) || t.id().equals(input.id())) {
                throw o.field("id").error("'" + t.id() + "' is used twice");
            }
            outputs.add(t);
        }
        if (outputs.isEmpty()) {
            throw root.field("outputs").error("needs at least one output");
        }
        List<TensorDescription> inputs = new ArrayList<>(List.of(input));
        applyTopLevelTestTensors(root, inputs, outputs);
        input = inputs.get(0);

        RdfNode bundle = root.field("weights").field("tensorflow_saved_model_bundle");
        String source = relativePath(bundle.field("source"));
        RdfNode shaNode = bundle.field("sha256");
        String sha = shaNode.nonBlankText().toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw shaNode.error("must be 64 hex digits, got '" + shaNode.text() + "'");
        }
        String tfVersion = bundle.field("tensorflow_version").nonBlankText();

        double absTol = ModelDescription.DEFAULT_ABSOLUTE_TOLERANCE;
        double relTol = ModelDescription.DEFAULT_RELATIVE_TOLERANCE;
        RdfNode config = root.field("config");
        Optional<RdfNode> bioimageio = config.optional("bioimageio");
        if (bioimageio.isPresent() && bioimageio.get().has("reproducibility_tolerance")) {
            List<RdfNode> tolerances = bioimageio.get().field("reproducibility_tolerance").list();
            if (!tolerances.isEmpty()) {
                RdfNode t = tolerances.get(0);
                if (t.has("absolute_tolerance")) {
                    absTol = nonNegative(t.field("absolute_tolerance"));
                }
                if (t.has("relative_tolerance")) {
                    relTol = nonNegative(t.field("relative_tolerance"));
                }
            }
        }

        RdfNode ours = config.field(CONFIG_KEY);
        RdfNode taskNode = ours.field("task");
        Task task = switch (taskNode.text().trim()) {
            case "detect" -> Task.DETECT;
            case "classify" -> Task.CLASSIFY;
            case "segment" -> Task.SEGMENT;
            default -> throw taskNode.error("must be detect, classify or segment, got '" + taskNode.text() + "'");
        };
        for (Task other : Task.values()) {
            if (other != task && ours.has(other.word())) {
                throw ours.field(other.word()).error("must not be present in a " + task.word() + " model");
            }
        }
        RdfNode section = ours.field(task.word());
        DetectConfig detect = null;
        ClassifyConfig classify = null;
        SegmentConfig segment = null;
        try {
            switch (task) {
                case DETECT -> detect = detectConfig(section);
                case CLASSIFY -> classify = classifyConfig(section);
                case SEGMENT -> segment = segmentConfig(section);
            }
        } catch (IllegalArgumentException e) {
            // The records' own checks name the field as "detect.nms_iou"; prefix the path inside rdf.yaml.
            throw new ModelException(root.file() + ": " + ours.path() + "." + e.getMessage(), e);
        }
        int patchSize = classify != null ? classify.patchSize() : segment != null ? segment.patchSize() : -1;
        for (int axis : new int[] {1, 2}) {
            long side = input.shape()[axis];
            if (patchSize > 0 && side > 0 && side != patchSize) {
                throw section.field("patch_size").error("is " + patchSize + " but the input tensor '" + input.id()
                        + "' is " + side + " px along " + input.axes().get(axis) + "; every patch would be refused");
            }
        }
        for (String needed : outputsNamed(detect, classify, segment)) {
            if (!outputIds.contains(needed)) {
                throw section.error("names output '" + needed + "', but outputs are " + outputIds);
            }
        }

        ModelSpec spec;
        ModelDescription desc;
        try {
            spec = new ModelSpec(name, version, task, input.micronsPerPixel(), input.id(), preprocessing,
                    detect, classify, segment);
            desc = new ModelDescription(description, authors, license, documentation, cite, List.of(input),
                    outputs, source, sha, tfVersion, absTol, relTol);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelException(root.file() + ": " + e.getMessage(), e);
        }
        return new ModelRdf(spec, desc);
    }

    /** The output names the Glo-In-One section refers to. */
    static List<String> outputsNamed(DetectConfig d, ClassifyConfig c, SegmentConfig s) {
        if (d != null) {
            return List.of(d.heatmapOutput(), d.offsetOutput(), d.radiusOutput());
        }
        if (c != null) {
            return List.of(c.probabilitiesOutput());
        }
        return List.of(s.maskOutput());
    }

    private static DetectConfig detectConfig(RdfNode d) throws ModelException {
        String heatmap = outputName(d, "heatmap_output", "heatmap");
        String offset = outputName(d, "offset_output", "offset");
        String radius = outputName(d, "radius_output", "radius");
        RdfNode kind = d.field("heatmap");
        boolean logits = switch (kind.text().trim()) {
            case "logits" -> true;
            case "probabilities" -> false;
            default -> throw kind.error("must be logits or probabilities, got '" + kind.text() + "'");
        };
        RdfNode units = d.field("radius_units");
        boolean inputPixels = switch (units.text().trim()) {
            case "input_pixels" -> true;
            case "output_cells" -> false;
            default -> throw units.error("must be input_pixels or output_cells, got '" + units.text() + "'");
        };
        double minRadius = d.has("min_radius_um") ? d.field("min_radius_um").number() : 0;
        double maxRadius = d.has("max_radius_um") ? d.field("max_radius_um").number() : Double.POSITIVE_INFINITY;
        return new DetectConfig(heatmap, offset, radius, logits, d.field("output_stride").integer(), inputPixels,
                d.field("top_k").integer(), d.field("score_threshold").number(), d.field("nms_iou").number(),
                d.field("tile_um").number(), d.field("overlap_um").number(), minRadius, maxRadius,
                stainReference(d), views(d, DetectConfig.ALLOWED_VIEWS, "1, 2 or 4"),
                d.has("radius_scale") ? d.field("radius_scale").number() : 1);
    }

    /** A section's {@code test_time_views}: 1 when absent. */
    private static int views(RdfNode section, java.util.Set<Integer> allowed, String allowedWords)
            throws ModelException {
        if (!section.has("test_time_views")) {
            return 1;
        }
        int views = section.field("test_time_views").integer();
        if (!allowed.contains(views)) {
            throw section.field("test_time_views").error("must be " + allowedWords + ", got " + views);
        }
        return views;
    }

    private static Optional<StainDensities> stainReference(RdfNode d) throws ModelException {
        if (!d.has("stain_reference")) {
            return Optional.empty();
        }
        RdfNode r = d.field("stain_reference");
        double h = r.field("haematoxylin").number();
        double e = r.field("eosin").number();
        if (!(h > 0 && e > 0 && Double.isFinite(h) && Double.isFinite(e))) {
            throw r.error("must hold haematoxylin and eosin densities above 0, got " + h + " and " + e);
        }
        return Optional.of(new StainDensities(h, e));
    }

    private static ClassifyConfig classifyConfig(RdfNode c) throws ModelException {
        String probabilities = outputName(c, "probabilities_output", "probabilities");
        List<String> classes = c.field("classes").textList();
        if (new LinkedHashSet<>(classes).size() != classes.size()) {
            throw c.field("classes").error("must not repeat a class name, got " + classes);
        }
        String nonGlomerular = c.has("non_glomerular") ? c.field("non_glomerular").nonBlankText() : null;
        List<String> sclerosed = c.has("sclerosed") ? c.field("sclerosed").textList() : List.of();
        double reject = c.has("reject_threshold") ? c.field("reject_threshold").number() : Double.NaN;
        Map<String, Integer> colors = new LinkedHashMap<>();
        if (c.has("display_colors")) {
            RdfNode given = c.field("display_colors");
            for (String name : given.names()) {
                String hex = given.field(name).nonBlankText();
                if (!hex.matches("#[0-9A-Fa-f]{6}")) {
                    throw given.field(name).error("must be a colour #RRGGBB, got '" + hex + "'");
                }
                if (!classes.contains(name)) {
                    throw given.error("names '" + name + "', which is not one of " + classes);
                }
                colors.put(name, Integer.parseInt(hex.substring(1), 16));
            }
        }
        CoarseSlideCorrection coarse = CoarseSlideCorrection.NONE;
        if (c.has("coarse_slide_correction")) {
            RdfNode k = c.field("coarse_slide_correction");
            coarse = new CoarseSlideCorrection(k.field("from_um_per_px").number(),
                    k.field("sclerosed_logit_per_um_per_px").number());
        }
        return new ClassifyConfig(probabilities, classes, nonGlomerular, new LinkedHashSet<>(sclerosed),
                c.field("padding_um").number(), c.field("patch_size").integer(), reject, colors, coarse,
                views(c, ViewAveragingPredictor.ALLOWED_VIEWS, "1, 2, 4 or 8"));
    }

    private static SegmentConfig segmentConfig(RdfNode s) throws ModelException {
        return new SegmentConfig(outputName(s, "mask_output", "mask"), s.field("padding_um").number(),
                s.field("patch_size").integer(), s.field("mask_threshold").number());
    }

    private static String outputName(RdfNode section, String key, String fallback) throws ModelException {
        return section.has(key) ? section.field(key).nonBlankText() : fallback;
    }

    private static TensorDescription tensor(RdfNode t) throws ModelException {
        String id = t.field("id").nonBlankText();
        List<RdfNode> axisNodes = t.field("axes").list();
        List<String> axes = new ArrayList<>();
        long[] shape = new long[axisNodes.size()];
        int sizeMin = 0;
        int sizeStep = 0;
        double scale = 0;
        List<String> channelNames = List.of();
        for (int i = 0; i < axisNodes.size(); i++) {
            RdfNode a = axisNodes.get(i);
            RdfNode typeNode = a.field("type");
            String type = typeNode.text().trim();
            switch (type) {
                case "batch" -> {
                    axes.add("batch");
                    shape[i] = a.has("size") ? a.field("size").integer() : -1;
                }
                case "channel" -> {
                    axes.add("channel");
                    channelNames = a.field("channel_names").textList();
                    if (channelNames.isEmpty()) {
                        throw a.field("channel_names").error("needs at least one name");
                    }
                    shape[i] = channelNames.size();
                }
                case "index" -> {
                    axes.add(a.has("id") ? a.field("id").nonBlankText() : "index");
                    shape[i] = a.has("size") && a.field("size").isNumber() ? positive(a.field("size")) : -1;
                }
                case "space" -> {
                    RdfNode idNode = a.field("id");
                    String axisId = idNode.nonBlankText();
                    if (!axisId.equals("y") && !axisId.equals("x")) {
                        throw idNode.error("must be y or x (2D images), got '" + axisId + "'");
                    }
                    axes.add(axisId);
                    RdfNode size = a.field("size");
                    if (size.isNumber()) {
                        shape[i] = positive(size);
                    } else if (size.has("min")) {
                        shape[i] = -1;
                        int min = positive(size.field("min"));
                        int step = size.field("step").integer();
                        if (step < 0) {
                            throw size.field("step").error("must be >= 0, got " + step);
                        }
                        sizeMin = min;
                        sizeStep = step;
                    } else if (size.has("tensor_id")) {
                        size.field("axis_id").nonBlankText();
                        shape[i] = -1;
                    } else {
                        throw size.error("must be an integer, {min, step} or {tensor_id, axis_id}");
                    }
                    RdfNode unit = a.field("unit");
                    if (!unit.text().trim().equals("micrometer")) {
                        throw unit.error("must be micrometer, got '" + unit.text() + "'");
                    }
                    RdfNode scaleNode = a.field("scale");
                    double s = scaleNode.number();
                    if (!(s > 0)) {
                        throw scaleNode.error("(pixel size in micrometres) must be > 0, got " + s);
                    }
                    if (scale != 0 && Math.abs(s - scale) > 1e-9 * scale) {
                        throw scaleNode.error("must equal the other spatial axis' scale " + scale
                                + " (square pixels), got " + s);
                    }
                    scale = s;
                }
                default -> throw typeNode.error("must be batch, space, channel or index, got '" + type + "'");
            }
        }
        if (new LinkedHashSet<>(axes).size() != axes.size()) {
            throw t.field("axes").error("repeats an axis: " + axes);
        }
        String test = null;
        if (t.has("test_tensor")) {
            test = relativePath(t.field("test_tensor").field("source"));
        }
        return new TensorDescription(id, axes, shape, sizeMin, sizeStep, scale, channelNames, test);
    }

    private static void checkImageInput(RdfNode node, TensorDescription input) throws ModelException {
        if (!input.axes().equals(List.of("batch", "y", "x", "channel"))) {
            throw node.field("axes").error("must be batch, y, x, channel (NHWC), got " + input.axes());
        }
        if (input.shape()[3] != 3) {
            throw node.field("axes").error("channel must have 3 channels (RGB), got " + input.shape()[3]);
        }
        if (node.has("data") && node.field("data").has("type")) {
            RdfNode dt = node.field("data").field("type");
            if (!dt.text().equals("float32")) {
                throw dt.error("must be float32, got '" + dt.text() + "'");
            }
        }
    }

    /** bioimage.io 0.4 listed test tensors at the top level, in input/output order; accept that too. */
    private static void applyTopLevelTestTensors(RdfNode root, List<TensorDescription> inputs,
                                                 List<TensorDescription> outputs) throws ModelException {
        for (String key : List.of("test_inputs", "test_outputs")) {
            if (!root.has(key)) {
                continue;
            }
            List<TensorDescription> tensors = key.equals("test_inputs") ? inputs : outputs;
            List<RdfNode> paths = root.field(key).list();
            if (paths.size() != tensors.size()) {
                throw root.field(key).error("must list " + tensors.size() + " files, got " + paths.size());
            }
            for (int i = 0; i < paths.size(); i++) {
                if (tensors.get(i).testTensor() == null) {
                    TensorDescription t = tensors.get(i).withTestTensor(relativePath(paths.get(i)));
                    tensors.set(i, t);
                }
            }
        }
    }

    /**
     * Maps bioimage.io preprocessing onto one per-channel affine transform of 0-255 values:
     * {@code scale_linear} (v * gain + offset) and fixed {@code zero_mean_unit_variance} ((v - mean) / std) compose.
     */
    private static Preprocessing preprocessing(RdfNode input) throws ModelException {
        double[] scale = {1, 1, 1};
        double[] offset = {0, 0, 0};
        if (input.has("preprocessing")) {
            for (RdfNode step : input.field("preprocessing").list()) {
                RdfNode idNode = step.field("id");
                String id = idNode.text().trim();
                RdfNode kwargs = step.has("kwargs") ? step.field("kwargs") : null;
                switch (id) {
                    case "ensure_dtype" -> {
                        RdfNode dt = step.field("kwargs").field("dtype");
                        if (!dt.text().equals("float32")) {
                            throw dt.error("must be float32, got '" + dt.text() + "'");
                        }
                    }
                    case "scale_linear" -> {
                        checkChannelAxis(kwargs);
                        double[] gain = kwargs != null && kwargs.has("gain") ? kwargs.field("gain").numberOrList(3)
                                : new double[] {1, 1, 1};
                        double[] add = kwargs != null && kwargs.has("offset") ? kwargs.field("offset").numberOrList(3)
                                : new double[] {0, 0, 0};
                        for (int c = 0; c < 3; c++) {
                            scale[c] *= gain[c];
                            offset[c] = offset[c] * gain[c] + add[c];
                        }
                    }
                    case "fixed_zero_mean_unit_variance", "zero_mean_unit_variance" -> {
                        if (kwargs == null || !kwargs.has("mean") || !kwargs.has("std")) {
                            throw idNode.error("'" + id + "' needs fixed kwargs mean and std (per-image statistics "
                                    + "are not supported)");
                        }
                        if (kwargs.has("mode") && !kwargs.field("mode").text().equals("fixed")) {
                            throw kwargs.field("mode").error("must be fixed, got '" + kwargs.field("mode").text() + "'");
                        }
                        checkChannelAxis(kwargs);
                        double[] mean = kwargs.field("mean").numberOrList(3);
                        double[] std = kwargs.field("std").numberOrList(3);
                        double eps = kwargs.has("eps") ? nonNegative(kwargs.field("eps")) : 0;
                        for (int c = 0; c < 3; c++) {
                            double s = std[c] + eps;
                            if (!(s > 0)) {
                                throw kwargs.field("std").error("must be > 0, got " + std[c]);
                            }
                            scale[c] /= s;
                            offset[c] = (offset[c] - mean[c]) / s;
                        }
                    }
                    default -> throw idNode.error("'" + id + "' is not supported; use scale_linear or "
                            + "fixed_zero_mean_unit_variance");
                }
            }
        }
        return new Preprocessing(new float[] {(float) scale[0], (float) scale[1], (float) scale[2]},
                new float[] {(float) offset[0], (float) offset[1], (float) offset[2]});
    }

    private static void checkChannelAxis(RdfNode kwargs) throws ModelException {
        if (kwargs != null && kwargs.has("axis")) {
            RdfNode axis = kwargs.field("axis");
            if (!axis.text().equals("channel")) {
                throw axis.error("must be channel, got '" + axis.text() + "'");
            }
        }
    }

    /** A path inside the package: relative, no '..', no URL. */
    private static String relativePath(RdfNode node) throws ModelException {
        String p = node.nonBlankText().replace('\\', '/');
        if (p.contains("://") || p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            throw node.error("must be a path inside the package, got '" + p + "'");
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                throw node.error("must not leave the package ('..'), got '" + p + "'");
            }
        }
        return p;
    }

    private static int positive(RdfNode n) throws ModelException {
        int v = n.integer();
        if (v <= 0) {
            throw n.error("must be > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(RdfNode n) throws ModelException {
        double v = n.number();
        if (v < 0) {
            throw n.error("must be >= 0, got " + v);
        }
        return v;
    }
}
