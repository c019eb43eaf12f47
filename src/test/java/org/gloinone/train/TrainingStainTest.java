package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.model.ModelSpecReader;
import org.gloinone.stain.StainDensities;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The stain a detector package records is its training tiles', measured as a run measures a slide. */
class TrainingStainTest {
    @Test
    void theBundledDetectorRecordsTheStainOfItsTrainingTiles() throws Exception {
        Path data = Path.of("../shared/data");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("kidney-tiles")), "../shared/data is absent");
        TrainingData td = TrainingData.read(data, 7, 1, TrainingData.DEFAULT_VALIDATION_TILES);
        StainDensities measured = TrainingStain.reference(td).orElseThrow();
        StainDensities recorded = ModelSpecReader.read(Path.of("models/detector/rdf.yaml")).spec().detect()
                .stainReference().orElseThrow();
        assertEquals(measured.haematoxylin(), recorded.haematoxylin(), 1e-4);
        assertEquals(measured.eosin(), recorded.eosin(), 1e-4);
    }

    @Test
    void heldOutTilesDoNotCount() throws Exception {
        Path data = Path.of("../shared/data");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("kidney-tiles")), "../shared/data is absent");
        StainDensities all = TrainingStain.reference(TrainingData.read(data, 7, 1, new int[] {1, 1})).orElseThrow();
        StainDensities lessHeldOut = TrainingStain.reference(TrainingData.read(data, 7, 1,
                TrainingData.DEFAULT_VALIDATION_TILES)).orElseThrow();
        // the four held-out tiles are more magenta than the eight others: leaving them out lowers the eosin median
        assertEquals(true, lessHeldOut.eosin() < all.eosin(), lessHeldOut + " vs " + all);
    }
}
