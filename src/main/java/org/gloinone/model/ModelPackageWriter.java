package org.gloinone.model;

import org.tensorflow.TensorFlow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a complete model package from an exported SavedModel: the SavedModel copied under the description's
 * weights source, test tensors as .npy, the model card, and rdf.yaml with the weights' SHA-256 and TensorFlow
 * version. Everything is written into a temporary folder beside the target, read back and validated, then
 * renamed into place, so a package folder is either complete or absent.
 */
public final class ModelPackageWriter {
    private ModelPackageWriter() {
    }

    /**
     * Writes the package folder {@code target}, replacing an existing one.
     *
     * @param target        the package folder to create
     * @param savedModelDir the exported SavedModel (saved_model.pb, variables/)
     * @param spec          the pipeline settings
     * @param description   the tensors and metadata; test tensor paths and weights sha256 are filled in here
     * @param testInputs    a test tensor for every input, by tensor id
     * @param testOutputs   the model's output for {@code testInputs}, by output id
     * @param modelCard     the text of the model card (Markdown)
     * @return the validated package contents as written
     * @throws ModelException naming the file that could not be written or the tensor that is missing
     */
    public static ModelRdf write(Path target, Path savedModelDir, ModelSpec spec, ModelDescription description,
                                 Map<String, FloatTensor> testInputs, Map<String, FloatTensor> testOutputs,
                                 String modelCard) throws ModelException {
        if (!Files.isRegularFile(savedModelDir.resolve("saved_model.pb"))) {
            throw new ModelException(savedModelDir + ": not a SavedModel (no saved_model.pb)");
        }
        Path parent = target.toAbsolutePath().getParent();
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
        } catch (IOException e) {
            throw new ModelException(target + ": cannot create a temporary folder beside it: " + e.getMessage(), e);
        }
        try {
            ModelRdf written = writeInto(temp, savedModelDir, spec, description, testInputs, testOutputs, modelCard);
            replace(temp, target);
            return written;
        } catch (ModelException | RuntimeException e) {
            try {
                Folders.deleteTree(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static ModelRdf writeInto(Path dir, Path savedModelDir, ModelSpec spec, ModelDescription description,
                                      Map<String, FloatTensor> testInputs, Map<String, FloatTensor> testOutputs,
                                      String modelCard) throws ModelException {
        Path weights = dir.resolve(description.weightsSource());
        try {
            Folders.copyTree(savedModelDir, weights);
            Files.writeString(dir.resolve(description.documentation()), modelCard, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(dir + ": cannot copy the SavedModel or write the model card: " + e.getMessage(), e);
        }
        List<TensorDescription> inputs = new ArrayList<>();
        for (TensorDescription t : description.inputs()) {
            inputs.add(writeTest(dir, "test_input_", t, testInputs));
        }
        List<TensorDescription> outputs = new ArrayList<>();
        for (TensorDescription t : description.outputs()) {
            outputs.add(writeTest(dir, "test_output_", t, testOutputs));
        }
        String tfVersion = description.tensorflowVersion() != null ? description.tensorflowVersion()
                : TensorFlow.version();
        ModelDescription complete = new ModelDescription(description.description(), description.authors(),
                description.license(), description.documentation(), description.citations(), inputs, outputs,
                description.weightsSource(), WeightsDigest.sha256(weights), tfVersion,
                description.absoluteTolerance(), description.relativeTolerance());
        Path rdf = dir.resolve(ModelSpecReader.RDF_FILE);
        try {
            Files.writeString(rdf, ModelSpecWriter.toYaml(spec, complete, Instant.now()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(rdf + ": cannot write: " + e.getMessage(), e);
        }
        // Read back what was written: a package that this program cannot read must not appear.
        return ModelSpecReader.read(rdf);
    }

    private static TensorDescription writeTest(Path dir, String prefix, TensorDescription t,
                                               Map<String, FloatTensor> tensors) throws ModelException {
        FloatTensor tensor = tensors.get(t.id());
        if (tensor == null) {
            throw new ModelException(dir + ": no test tensor given for '" + t.id() + "'");
        }
        if (!t.accepts(tensor.shape())) {
            throw new ModelException(dir + ": test tensor for '" + t.id() + "' has shape "
                    + Arrays.toString(tensor.shape()) + " but the tensor is " + t.shapeText());
        }
        String file = prefix + t.id() + ".npy";
        Npy.write(dir.resolve(file), tensor);
        return t.withTestTensor(file);
    }

    /** Renames the finished folder into place; an old package is moved aside first and deleted after. */
    private static void replace(Path finished, Path target) throws ModelException {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + "-old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                Folders.deleteTree(old);
            }
        } catch (IOException e) {
            throw new ModelException(target + ": cannot move the written package into place: " + e.getMessage(), e);
        }
    }
}
