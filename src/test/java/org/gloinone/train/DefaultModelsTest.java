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

    @org.junit.jupiter.api.Test
    void minedCirclesAreInTheClassifierTilesPixelsWhateverTheDetectorsPixelSize() throws Exception {
        Path data = Path.of("../shared/data");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("kidney-tiles")), "../shared/data is absent");
        TrainingData td = TrainingData.read(data, 7, 40, new int[] {10003, 10003});
        Path savedModel = Path.of("models/detector/saved_model");
        // the same network declared at 2 and at 4 um/px: shown the tile at 256 and at 128 px
        for (double um : new double[] {2, 4}) {
            var found = DefaultModels.minedFalsePositives(td, java.util.List.of(new TrainedDetector(savedModel, um)),
                    true);
            assertTrue(!found.isEmpty(), um + " um/px: some false positive");
            for (var fp : found) {
                // the classifier's tiles: 512 px at 1 um/px; the size prior keeps radii of 30-150 um
                var c = fp.circle();
                assertTrue(c.centerX() >= 0 && c.centerX() < 512 && c.centerY() >= 0 && c.centerY() < 512, um + ": " + c);
                assertTrue(c.radius() >= 30 - 1e-6 && c.radius() <= 150 + 1e-6, um + " um/px: " + c);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDetectorsPixelSizeIsAWholeMultipleOfTheTiles() {
        assertEquals(4, DefaultModels.tileFactor(2));
        assertEquals(8, DefaultModels.tileFactor(4));
        assertEquals(3, DefaultModels.tileFactor(1.5));
        assertEquals(256, DefaultModels.detectSceneSize(2), "512 um scenes");
        assertEquals(128, DefaultModels.detectSceneSize(4));
        assertEquals(60, DefaultModels.tileMinArea(4));
        assertEquals(15, DefaultModels.tileMinArea(8), "the same area in um2");
        CircleNetModel wide = DefaultModels.detectorNet(false, 2);
        assertEquals(java.util.List.of(48, 96, 128, 192), java.util.Arrays.stream(wide.widths()).boxed().toList());
        assertEquals(64, wide.headWidth());
        for (double bad : new double[] {0.75, 0, -2, 8.5, Double.NaN}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> DefaultModels.tileFactor(bad), "" + bad);
        }
    }
}
