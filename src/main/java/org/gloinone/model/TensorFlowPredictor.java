package org.gloinone.model;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Predictor} over a TensorFlow SavedModel: loaded once (tag {@code serve}) and run through its
 * {@code serving_default} signature with one session for the predictor's life. Before loading, the graph is
 * checked by {@link SavedModelScanner} unless the options trust the model; at load, the signature's input and
 * outputs are checked against rdf.yaml's tensors by name, type and shape.
 */
public final class TensorFlowPredictor implements Predictor {
    /** The SavedModel tag for inference graphs. */
    public static final String TAG = "serve";
    /** The signature run by {@link #predict}. */
    public static final String SIGNATURE = "serving_default";

    private final Path directory;
    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final TensorDescription input;
    private final List<TensorDescription> outputs;
    private final Device device;
    private boolean closed;

    private TensorFlowPredictor(Path directory, SavedModelBundle bundle, SessionFunction function,
                                TensorDescription input, List<TensorDescription> outputs, Device device) {
        this.directory = directory;
        this.bundle = bundle;
        this.function = function;
        this.input = input;
        this.outputs = outputs;
        this.device = device;
    }

    /**
     * Loads a SavedModel for the tensors rdf.yaml describes.
     *
     * @param savedModelDir the SavedModel folder (saved_model.pb, variables/)
     * @param spec          the model's spec (input name)
     * @param description   the model's tensors; every output listed is fetched by {@link #predict}
     * @param options       device, threads and trust
     * @throws UnsafeModelException if the graph holds a refused operation and the model is not trusted
     * @throws ModelException       if it cannot be loaded or its signature does not match, naming the tensor
     */
    public static TensorFlowPredictor load(Path savedModelDir, ModelSpec spec, ModelDescription description,
                                           PredictorOptions options) throws ModelException {
        if (!options.trustModel()) {
            SavedModelScanner.check(savedModelDir);
        }
        TensorDescription input = description.input(spec.inputName()).orElseThrow(() -> new ModelException(
                savedModelDir + ": rdf.yaml has no input '" + spec.inputName() + "'"));
        Device device = DeviceChooser.choose(options.device());
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.loader(savedModelDir.toString())
                    .withTags(TAG)
                    .withConfigProto(DeviceChooser.sessionConfig(device, options.intraOpThreads(),
                            options.interOpThreads()))
                    .load();
        } catch (RuntimeException e) {
            throw new ModelException(savedModelDir + ": cannot load the SavedModel: " + e.getMessage(), e);
        }
        try {
            Signature signature = bundle.signatures().stream().filter(s -> s.key().equals(SIGNATURE)).findFirst()
                    .orElseThrow(() -> new ModelException(savedModelDir + ": the SavedModel has no '" + SIGNATURE
                            + "' signature (it has " + bundle.signatures().stream().map(Signature::key).toList() + ")"));
            checkTensor(savedModelDir, "input", input, signature.getInputs());
            for (TensorDescription o : description.outputs()) {
                checkTensor(savedModelDir, "output", o, signature.getOutputs());
            }
            return new TensorFlowPredictor(savedModelDir, bundle, bundle.function(SIGNATURE), input,
                    description.outputs(), device);
        } catch (ModelException | RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static void checkTensor(Path dir, String kind, TensorDescription expected,
                                    Map<String, Signature.TensorDescription> actual) throws ModelException {
        Signature.TensorDescription t = actual.get(expected.id());
        if (t == null) {
            throw new ModelException(dir + ": " + kind + " '" + expected.id() + "' named in rdf.yaml is not an "
                    + kind + " of the SavedModel's " + SIGNATURE + " signature (it has " + actual.keySet() + ")");
        }
        if (t.dataType != DataType.DT_FLOAT) {
            throw new ModelException(dir + ": " + kind + " '" + expected.id() + "' must be float32, the SavedModel "
                    + "has " + t.dataType);
        }
        if (t.shape != null && !t.shape.isUnknown() && !expected.accepts(t.shape.asArray())) {
            throw new ModelException(dir + ": " + kind + " '" + expected.id() + "' has shape "
                    + Arrays.toString(t.shape.asArray()) + " in the SavedModel but rdf.yaml says "
                    + expected.shapeText());
        }
    }

    /** The device this predictor runs on ({@code CPU} or {@code GPU}). */
    public Device device() {
        return device;
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor batch) throws ModelException {
        if (closed) {
            throw new IllegalStateException("predictor for " + directory + " is closed");
        }
        checkInput(batch);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(batch.shape()), DataBuffers.of(batch.data(), true, false));
             Result result = function.call(Map.of(input.id(), in))) {
            for (TensorDescription o : outputs) {
                Tensor t = result.get(o.id()).orElseThrow(() -> new ModelException(directory + ": output '"
                        + o.id() + "' was not returned by the SavedModel"));
                if (!(t instanceof TFloat32 f)) {
                    throw new ModelException(directory + ": output '" + o.id() + "' is not float32");
                }
                long[] shape = f.shape().asArray();
                if (!o.accepts(shape)) {
                    throw new ModelException(directory + ": output '" + o.id() + "' has shape "
                            + Arrays.toString(shape) + " but rdf.yaml says " + o.shapeText());
                }
                float[] values = new float[Math.toIntExact(f.size())];
                f.copyTo(DataBuffers.of(values, false, false));
                out.put(o.id(), new FloatTensor(shape, values));
            }
        } catch (RuntimeException e) {
            throw new ModelException(directory + ": running the model on input " + Arrays.toString(batch.shape())
                    + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    private void checkInput(FloatTensor batch) throws ModelException {
        if (!input.accepts(batch.shape())) {
            throw new ModelException(directory + ": input '" + input.id() + "' must be " + input.shapeText()
                    + ", got " + Arrays.toString(batch.shape()));
        }
        if (batch.shape()[0] < 1) {
            throw new ModelException(directory + ": input '" + input.id() + "' batch is empty");
        }
        if (input.sizeStep() > 0) {
            for (int axis = 1; axis <= 2; axis++) {
                long size = batch.shape()[axis];
                if (size < input.sizeMin() || (size - input.sizeMin()) % input.sizeStep() != 0) {
                    throw new ModelException(directory + ": input '" + input.id() + "' " + input.axes().get(axis)
                            + " size must be " + input.sizeMin() + " + n * " + input.sizeStep() + ", got " + size);
                }
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bundle.close();
        }
    }
}
