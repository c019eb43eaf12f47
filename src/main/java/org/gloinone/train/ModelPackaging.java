package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelDescription;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelPackageWriter;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Preprocessing;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.TensorDescription;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.TensorFlow;
import org.tensorflow.types.TFloat32;

/**
 * Writes the full package of a trained model: the inference-only SavedModel, rdf.yaml (spec and tensors),
 * test tensors computed by the exported model itself, and a MODEL_CARD.md with data, licence, validation metrics,
 * intended use, known limits and the training command.
 */
public final class ModelPackaging {
    /** Context around a circle's bounding square for classifier and segmenter patches (Glo-In-One: 12.5 um). */
    public static final double PADDING_MICRONS = 12.5;
    /** Detector tile edge in micrometres (512 px at 2 um/px). */
    public static final double DETECT_TILE_MICRONS = 1024;
    /** Detector tile overlap in micrometres: more than the largest glomerulus (about 250 um). */
    public static final double DETECT_OVERLAP_MICRONS = 300;
    /** Diameter of a typical glomerulus, for the nominal pixel size of patches. */
    private static final double NOMINAL_GLOMERULUS_MICRONS = 200;
    private static final String LICENSE = "CC-BY-NC-SA-4.0";
    private static final List<String> RGB = List.of("red", "green", "blue");

    private ModelPackaging() {
    }

    /**
     * Nominal pixel size of a classifier or segmenter patch: a typical glomerulus plus its padding over the patch.
     * The pipeline cuts patches around each circle, so their real pixel size follows the glomerulus; this one
     * stands in only for images that do not state theirs.
     */
    static double patchMicronsPerPixel(TrainingTask task) {
        return (NOMINAL_GLOMERULUS_MICRONS + 2 * PADDING_MICRONS) / task.inputSize();
    }

    /** The head layout and decoding settings of the default detector, as the pipeline reads them. */
    static DetectConfig detectConfig() {
        return new DetectConfig(DetectorTask.HEATMAP, DetectorTask.OFFSET, DetectorTask.RADIUS, true,
                CircleNetModel.STRIDE, false, 100, 0.3, 0.35, DETECT_TILE_MICRONS, DETECT_OVERLAP_MICRONS,
                DefaultModels.DETECT_MIN_RADIUS_MICRONS, DefaultModels.DETECT_MAX_RADIUS_MICRONS);
    }

    /** The pipeline settings of a trained default model of {@code task}. */
    public static ModelSpec spec(TrainingTask task) {
        Preprocessing unit = Preprocessing.unitRange();
        return switch (task.task()) {
            case DETECT -> new ModelSpec("glo-in-one-detector", "1.0.0", task.task(),
                    ((DetectorTask) task).micronsPerPixel(), SavedModelExport.INPUT, unit,
                    ((DetectorTask) task).stainReference().map(detectConfig()::withStainReference)
                            .orElse(detectConfig()),
                    null, null);
            case CLASSIFY -> new ModelSpec("glo-in-one-classifier", "1.0.0", task.task(), patchMicronsPerPixel(task),
                    SavedModelExport.INPUT, unit, null,
                    new ClassifyConfig(ClassifierTask.PROBABILITIES, ClassifierTask.CLASSES, "non-glomerular",
                            java.util.Set.of("sclerosed"), PADDING_MICRONS, task.inputSize()),
                    null);
            case SEGMENT -> new ModelSpec("glo-in-one-segmenter", "1.0.0", task.task(), patchMicronsPerPixel(task),
                    SavedModelExport.INPUT, unit, null, null,
                    new SegmentConfig(SegmenterTask.MASK, PADDING_MICRONS, task.inputSize(), 0.5));
        };
    }

    private static ModelDescription description(TrainingTask task, ModelSpec spec) {
        double um = spec.micronsPerPixel();
        int n = task.inputSize();
        TensorDescription input = task.anyInputSize()
                ? TensorDescription.image(SavedModelExport.INPUT, RGB, um, CircleNetModel.DIVISOR, null)
                : new TensorDescription(SavedModelExport.INPUT, List.of("batch", "y", "x", "channel"),
                        new long[] {-1, n, n, 3}, 0, 0, um, RGB, null);
        List<TensorDescription> outputs = switch (task.task()) {
            case DETECT -> {
                double out = um * CircleNetModel.STRIDE;
                yield List.of(TensorDescription.image(DetectorTask.HEATMAP, List.of("centre_logit"), out, 0, null),
                        TensorDescription.image(DetectorTask.OFFSET, List.of("dx", "dy"), out, 0, null),
                        TensorDescription.image(DetectorTask.RADIUS, List.of("radius"), out, 0, null));
            }
            case CLASSIFY -> List.of(TensorDescription.vector(ClassifierTask.PROBABILITIES, ClassifierTask.CLASSES, null));
            case SEGMENT -> List.of(new TensorDescription(SegmenterTask.MASK, List.of("batch", "y", "x", "channel"),
                    new long[] {-1, n, n, 1}, 0, 0, um, List.of("glomerulus"), null));
        };
        String what = switch (task.task()) {
            case DETECT -> "CircleNet-style glomerulus detector (centre heatmap logits, offset, radius at stride 4) "
                    + "for PAS kidney sections at " + plain(um) + " um/px.";
            case CLASSIFY -> "Glomerulus classifier: normal, globally sclerosed, or not a glomerulus "
                    + "(false-positive filter), on patches cut around detected circles.";
            case SEGMENT -> "Glomerulus segmenter (U-Net) giving a mask probability on patches cut around detected "
                    + "circles.";
        };
        return new ModelDescription(what, List.of("Glo-In-One for Fiji contributors"), LICENSE, "MODEL_CARD.md",
                List.of("Yao T. et al., Glo-In-One: holistic glomerular detection, segmentation, and lesion "
                        + "characterization with large-scale web image mining, J. Med. Imaging 9(5), 2022"),
                List.of(input), outputs, "saved_model", null, TensorFlow.version(), 1e-4, 1e-3);
    }

    /**
     * Writes the package folder {@code out} (replaced if present); {@code command} is the command that trained the
     * model, recorded in the model card, and {@code heldOutTiles} the held-out tile range FIRST-LAST (null: none).
     */
    public static void write(TrainingTask task, TrainingResult result, Path out, String command, String heldOutTiles)
            throws IOException {
        Path work = Files.createTempDirectory("glo-in-one-export-");
        try {
            Path saved = work.resolve("saved_model");
            SavedModelExport.export(task, result.weights(), saved);
            Batch example = task.exampleInput();
            int h = task.inputSize();
            int w = task.inputSize();
            if (task.anyInputSize()) {
                int side = (int) Math.round(Math.sqrt(example.images().length / 3.0));
                h = side;
                w = side;
            }
            FloatTensor input = new FloatTensor(new long[] {1, h, w, 3}, example.images());
            Map<String, FloatTensor> outputs = run(saved, input, task.exportedOutputs());
            ModelSpec spec = spec(task);
            ModelPackageWriter.write(out, saved, spec, description(task, spec), Map.of(SavedModelExport.INPUT, input),
                    outputs, ModelCard.text(task, spec, result, command, heldOutTiles));
        } catch (ModelException e) {
            throw new IOException(out + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static Map<String, FloatTensor> run(Path saved, FloatTensor input, List<String> names) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), SavedModelBundle.DEFAULT_TAG);
             TFloat32 in = Tensors.floats(input.data(), input.shape());
             var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
            for (String name : names) {
                TFloat32 t = (TFloat32) r.get(name).orElseThrow(() -> new IllegalStateException("no output " + name));
                out.put(name, new FloatTensor(t.shape().asArray(), Tensors.toFloats(t)));
            }
        }
        return out;
    }

    /** A pixel size as people write it: 2, 0.5, 2.25. */
    static String plain(double micronsPerPixel) {
        return new java.math.BigDecimal(Double.toString(micronsPerPixel)).stripTrailingZeros().toPlainString();
    }

    /** Deletes a folder and everything in it (nothing when absent). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
