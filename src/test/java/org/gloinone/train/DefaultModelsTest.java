package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.model.ModelCheck;
import org.gloinone.model.ModelChecker;
import org.gloinone.model.ModelPackage;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed default models load, reproduce their test outputs and declare the agreed tensors. */
class DefaultModelsTest {

    @ParameterizedTest
    @CsvSource({"detector, DETECT", "classifier, CLASSIFY", "segmenter, SEGMENT"})
    void defaultModelPassesTheCheck(String folder, Task task) throws Exception {
        Path dir = Path.of("models", folder);
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("rdf.yaml")), "no default " + folder + " package yet");
        ModelCheck check = ModelChecker.check(dir, PredictorOptions.defaults());
        assertTrue(check.passed(), check.toString());
        try (ModelPackage p = ModelPackage.open(dir)) {
            assertEquals(task, p.spec().task());
            assertEquals("image", p.spec().inputName());
            assertEquals("CC-BY-NC-SA-4.0", p.description().license());
            String card = Files.readString(dir.resolve("MODEL_CARD.md"));
            assertTrue(card.contains("CC BY-NC-SA 4.0") && card.contains("glo-in-one train"), "card has licence and command");
            switch (task) {
                case DETECT -> assertTrue(p.spec().detect().heatmapIsLogits());
                case CLASSIFY -> assertEquals(ClassifierTask.CLASSES, p.spec().classify().classNames());
                case SEGMENT -> assertEquals("mask", p.spec().segment().maskOutput());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void falsePositivesOfSeveralDetectorsArePooledOnePlaceOnce() throws Exception {
        Path data = Path.of("../shared/data");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("kidney-tiles")), "../shared/data is absent");
        TrainedDetector detector = TrainedDetector.open(Path.of("models/detector"));
        assertEquals(2.0, detector.micronsPerPixel(), "the package states its pixel size");
        // the held-out side of a one-tile range: a single training tile, mined quickly
        TrainingData td = TrainingData.read(data, 7, 40, new int[] {10003, 10003});
        var once = DefaultModels.minedFalsePositives(td, java.util.List.of(detector), true);
        assertTrue(!once.isEmpty(), "the bundled detector errs somewhere on a training tile");
        // the same detector twice finds the same places: pooled, each counts once
        assertEquals(once, DefaultModels.minedFalsePositives(td, java.util.List.of(detector, detector), true));
    }
}
