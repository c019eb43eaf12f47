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
        Path detector = Path.of("models/detector/saved_model");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("kidney-tiles")), "../shared/data is absent");
        TrainingData td = TrainingData.read(data, 7, 40, TrainingData.DEFAULT_VALIDATION_TILES);
        java.util.List<KidneyTile> oneTile = td.tiles(DefaultModels.DETECT_TILE_FACTOR, 60)
                .byIdRange(10149, 10165, false).subList(0, 1);
        var once = DefaultModels.minedFalsePositives(java.util.List.of(detector), oneTile);
        assertTrue(!once.isEmpty(), "the bundled detector errs somewhere on a training tile");
        // the same detector twice finds the same places: pooled, each counts once
        assertEquals(once, DefaultModels.minedFalsePositives(java.util.List.of(detector, detector), oneTile));
    }
}
