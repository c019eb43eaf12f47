package org.gloinone.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A model package: a folder, or a {@code .zip} of one, holding {@code rdf.yaml}, a TensorFlow SavedModel, the
 * model card and test tensors (docs/MODELS.md). A zip is unpacked with {@link SafeUnzip} into a temporary
 * folder that {@link #close()} deletes.
 */
public final class ModelPackage implements AutoCloseable {
    private final Path source;
    private final Path directory;
    private final Path unpacked;
    private final ModelRdf rdf;

    private ModelPackage(Path source, Path directory, Path unpacked, ModelRdf rdf) {
        this.source = source;
        this.directory = directory;
        this.unpacked = unpacked;
        this.rdf = rdf;
    }

    /**
     * Opens a package folder or zip and validates its rdf.yaml.
     *
     * @throws ModelException naming the file if it is not a valid package or an unsafe zip
     */
    public static ModelPackage open(Path path) throws ModelException {
        if (Files.isDirectory(path)) {
            return new ModelPackage(path, path, null, ModelSpecReader.read(path.resolve(ModelSpecReader.RDF_FILE)));
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelException(path + ": no model package here (neither a folder nor a .zip)");
        }
        if (!isZip(path)) {
            throw new ModelException(path + ": a model package must be a folder or a .zip");
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("glo-in-one-model-");
        } catch (IOException e) {
            throw new ModelException(path + ": cannot create a temporary folder to unpack it: " + e.getMessage(), e);
        }
        try {
            SafeUnzip.DEFAULT.unpack(path, temp);
            Path dir = packageRoot(path, temp);
            String label = path + "!/" + temp.relativize(dir.resolve(ModelSpecReader.RDF_FILE)).toString()
                    .replace('\\', '/');
            return new ModelPackage(path, dir, temp, ModelSpecReader.read(dir.resolve(ModelSpecReader.RDF_FILE), label));
        } catch (ModelException | RuntimeException e) {
            deleteTree(temp, e);
            throw e;
        }
    }

    /** True for a file whose name ends in .zip. */
    public static boolean isZip(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** rdf.yaml at the zip's root, or inside its single top-level folder. */
    private static Path packageRoot(Path zip, Path temp) throws ModelException {
        if (Files.isRegularFile(temp.resolve(ModelSpecReader.RDF_FILE))) {
            return temp;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(temp)) {
            ds.forEach(children::add);
        } catch (IOException e) {
            throw new ModelException(zip + ": cannot list the unpacked package: " + e.getMessage(), e);
        }
        if (children.size() == 1 && Files.isRegularFile(children.get(0).resolve(ModelSpecReader.RDF_FILE))) {
            return children.get(0);
        }
        throw new ModelException(zip + ": no rdf.yaml at the top of the zip");
    }

    /** The folder or zip this package was opened from. */
    public Path source() {
        return source;
    }

    /** The package folder (for a zip: where it was unpacked). */
    public Path directory() {
        return directory;
    }

    /** The validated pipeline settings. */
    public ModelSpec spec() {
        return rdf.spec();
    }

    /** Authors, licence, tensors, weights and test tolerance. */
    public ModelDescription description() {
        return rdf.description();
    }

    /** The SavedModel folder. */
    public Path weightsDirectory() {
        return directory.resolve(rdf.description().weightsSource());
    }

    /** The rdf.yaml file. */
    public Path rdfFile() {
        return directory.resolve(ModelSpecReader.RDF_FILE);
    }

    /** The SHA-256 of the weights as they are now (see {@link WeightsDigest}). */
    public String weightsSha256() throws ModelException {
        return WeightsDigest.cachedSha256(weightsDirectory());
    }

    /**
     * The SHA-256 of rdf.yaml as it is now: the package's settings, which a result depends on as much as on its
     * weights.
     *
     * @throws ModelException naming the file if it cannot be read
     */
    public String rdfSha256() throws ModelException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(rdfFile())));
        } catch (IOException e) {
            throw new ModelException(rdfFile() + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Checks the weights against the sha256 in rdf.yaml.
     *
     * @throws ModelException naming the weights and both digests if they differ
     */
    public void verifyWeights() throws ModelException {
        String actual = weightsSha256();
        String expected = rdf.description().weightsSha256();
        if (!actual.equals(expected)) {
            throw new ModelException(weightsDirectory() + ": refusing changed weights: weights sha256 is " + actual
                    + " but " + rdfFile() + " says " + expected + "; the weights were changed or damaged");
        }
    }

    /**
     * Reads a tensor's test tensor.
     *
     * @throws ModelException if the tensor has none or it cannot be read
     */
    public FloatTensor testTensor(TensorDescription tensor) throws ModelException {
        if (tensor.testTensor() == null) {
            throw new ModelException(rdfFile() + ": tensor '" + tensor.id() + "' has no test_tensor");
        }
        return Npy.read(directory.resolve(tensor.testTensor()));
    }

    /**
     * Loads the network. The weights are first checked against the sha256 in rdf.yaml (so results are never
     * recorded under the checksum of other weights), and the graph is scanned for unsafe operations unless the
     * options trust the model.
     *
     * @throws ModelException if the weights changed, it is unsafe, cannot be loaded, or does not match rdf.yaml
     */
    public TensorFlowPredictor openPredictor(PredictorOptions options) throws ModelException {
        verifyWeights();
        return TensorFlowPredictor.load(weightsDirectory(), rdf.spec(), rdf.description(), options);
    }

    /** Deletes the unpacked copy of a zipped package. */
    @Override
    public void close() throws ModelException {
        if (unpacked != null) {
            deleteTree(unpacked, null);
        }
    }

    private static void deleteTree(Path root, Exception pending) throws ModelException {
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            } else {
                throw new ModelException(root + ": cannot delete the unpacked model package: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "ModelPackage[" + rdf.spec().name() + " (" + rdf.spec().task().word() + ") at " + source + "]";
    }
}
