package org.gloinone.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.FuzzTarget;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets of the model package's files: rdf.yaml and the .npy test tensors. A malformed file may only be
 * refused with a ModelException naming it.
 */
class ModelFilesFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTarget
    void rdfYaml(byte[] bytes) {
        try {
            ModelSpecReader.parse(new ByteArrayInputStream(bytes), "fuzz/rdf.yaml");
        } catch (ModelException refused) {
            requireNamed(refused, "rdf.yaml");
        }
    }

    @FuzzTarget
    void npy(byte[] bytes) throws IOException {
        Path file = dir.resolve("fuzz.npy");
        Files.write(file, bytes);
        try {
            Npy.read(file);
        } catch (ModelException refused) {
            requireNamed(refused, "fuzz.npy");
        }
    }

    private static void requireNamed(ModelException refused, String name) {
        if (refused.getMessage() == null || !refused.getMessage().contains(name)) {
            throw new AssertionError("the refusal does not name the file: " + refused.getMessage(), refused);
        }
    }
}
