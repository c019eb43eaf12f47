package org.gloinone.imagej;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.FuzzTarget;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets of the annotation readers (ImageScope XML, GeoJSON, ImageJ ROI set): a malformed file may only be
 * refused with an IOException whose message names the file.
 */
class AnnotationFilesFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTarget
    void imageScopeXml(byte[] bytes) throws IOException {
        read("fuzz.xml", bytes);
    }

    @FuzzTarget
    void geoJson(byte[] bytes) throws IOException {
        read("fuzz.geojson", bytes);
    }

    @FuzzTarget
    void roiSet(byte[] bytes) throws IOException {
        read("fuzz.zip", bytes);
    }

    private static void read(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        try {
            AnnotationFiles.read(file);
        } catch (IOException refused) {
            if (refused.getMessage() == null || !refused.getMessage().contains(name)) {
                throw new AssertionError("the refusal does not name the file: " + refused.getMessage(), refused);
            }
        }
    }
}
