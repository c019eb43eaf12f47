package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A tiny exported detector package: write, read back, load, predict, and the ways it must fail. */
class ModelPackageTest {
    @TempDir
    static Path work;
    static Path detector;

    @BeforeAll
    static void writePackage() throws Exception {
        detector = work.resolve("detector");
        TinyDetector.writePackage(work, detector, false);
    }

    @Test
    void writtenPackageReadsBackAsWritten() throws Exception {
        try (ModelPackage p = ModelPackage.open(detector)) {
            assertEquals(TinyDetector.spec().detect(), p.spec().detect());
            assertEquals("tiny-detector", p.spec().name());
            assertEquals(Task.DETECT, p.spec().task());
            assertEquals(0.5, p.spec().micronsPerPixel());
            assertArrayEquals(Preprocessing.unitRange().scale(), p.spec().preprocessing().scale());
            assertEquals("test_output_radius.npy", p.description().output("radius").orElseThrow().testTensor());
            assertEquals(2.0, p.description().output("offset").orElseThrow().micronsPerPixel());
            assertTrue(Files.isRegularFile(detector.resolve("saved_model/saved_model.pb")));
            assertTrue(Files.isRegularFile(detector.resolve("MODEL_CARD.md")));
            p.verifyWeights();
        }
    }

    @Test
    void predictReproducesTheTestOutputs() throws Exception {
        try (ModelPackage p = ModelPackage.open(detector);
             TensorFlowPredictor predictor = p.openPredictor(PredictorOptions.defaults())) {
            FloatTensor input = p.testTensor(p.description().inputs().get(0));
            Map<String, FloatTensor> out = predictor.predict(input);
            assertEquals(Device.CPU, predictor.device());
            assertEquals(java.util.List.of("heatmap", "offset", "radius"), java.util.List.copyOf(out.keySet()));
            assertArrayEquals(new long[] {1, 4, 4, 2}, out.get("offset").shape());
            FloatTensor expected = p.testTensor(p.description().output("radius").orElseThrow());
            assertArrayEquals(expected.data(), out.get("radius").data(), 1e-5f);
            // The session is reused: a second, larger batch runs on the same predictor.
            Map<String, FloatTensor> batch = predictor.predict(TinyDetector.testInput(2, 32));
            assertArrayEquals(new long[] {2, 8, 8, 1}, batch.get("heatmap").shape());
        }
    }

    @Test
    void inputOfWrongSizeIsRefusedNamingTheTensor() throws Exception {
        try (ModelPackage p = ModelPackage.open(detector);
             TensorFlowPredictor predictor = p.openPredictor(PredictorOptions.defaults())) {
            ModelException e = assertThrows(ModelException.class,
                    () -> predictor.predict(new FloatTensor(new long[] {1, 18, 16, 3}, new float[18 * 16 * 3])));
            assertTrue(e.getMessage().contains("input 'image' y size must be 4 + n * 4, got 18"), e.getMessage());
        }
    }

    @Test
    void flippedWeightByteFailsTheChecksum() throws Exception {
        Path copy = work.resolve("flipped");
        Folders.copyTree(detector, copy);
        Path data;
        try (var files = Files.list(copy.resolve("saved_model/variables"))) {
            data = files.filter(f -> f.getFileName().toString().startsWith("variables.data")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(data, bytes);
        try (ModelPackage p = ModelPackage.open(copy)) {
            ModelException e = assertThrows(ModelException.class, p::verifyWeights);
            assertTrue(e.getMessage().contains("weights sha256 is"), e.getMessage());
            assertFalse(p.weightsSha256().equals(p.description().weightsSha256()));
        }
    }

    @Test
    void specNamingAMissingOutputFailsAtLoadNamingIt() throws Exception {
        Path copy = work.resolve("renamed-output");
        Folders.copyTree(detector, copy);
        Path rdf = copy.resolve("rdf.yaml");
        String text = Files.readString(rdf, StandardCharsets.UTF_8);
        text = text.replace("radius_output: radius", "radius_output: radii").replace("id: radius", "id: radii");
        Files.writeString(rdf, text, StandardCharsets.UTF_8);
        try (ModelPackage p = ModelPackage.open(copy)) {
            ModelException e = assertThrows(ModelException.class,
                    () -> p.openPredictor(PredictorOptions.defaults()).close());
            assertTrue(e.getMessage().contains("output 'radii'"), e.getMessage());
        }
    }

    @Test
    void graphWithWriteFileIsRefusedUnlessTrusted() throws Exception {
        Path unsafe = work.resolve("unsafe");
        TinyDetector.writePackage(work, unsafe, true);
        try (ModelPackage p = ModelPackage.open(unsafe)) {
            UnsafeModelException e = assertThrows(UnsafeModelException.class,
                    () -> p.openPredictor(PredictorOptions.defaults()).close());
            assertTrue(e.getMessage().contains("op WriteFile (node 'leak'"), e.getMessage());
            // Trusted, it loads (the WriteFile node is never run by a prediction).
            try (TensorFlowPredictor predictor = p.openPredictor(PredictorOptions.defaults().withTrustModel(true))) {
                assertEquals(3, predictor.predict(TinyDetector.testInput(1, 8)).size());
            }
        }
        assertFalse(Files.exists(Path.of("leaked.txt")));
    }

    @Test
    void errorsInAZippedPackageNameTheZipEntry() throws Exception {
        Path zip = work.resolve("broken.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"rdf.yaml", "MODEL_CARD.md"}) {
                out.putNextEntry(new java.util.zip.ZipEntry("detector/" + name));
                String text = Files.readString(detector.resolve(name)).replace("nms_iou: 0.35", "nms_iou: 1.7");
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        ModelException e = assertThrows(ModelException.class, () -> ModelPackage.open(zip).close());
        assertEquals(zip + "!/detector/rdf.yaml: config.glo-in-one.detect.nms_iou must be in [0, 1], got 1.7",
                e.getMessage());
    }

    @Test
    void standardSaverOpsAreAccepted() throws Exception {
        assertEquals(java.util.List.of(), SavedModelScanner.scan(detector.resolve("saved_model")));
    }
}
