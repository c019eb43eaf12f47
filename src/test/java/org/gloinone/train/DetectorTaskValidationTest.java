package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The trainer's held-out check must see a tile as {@code evaluate detect} feeds it to the network. */
class DetectorTaskValidationTest {
    @Test
    void aHeldOutTileSmallerThanOnePipelineTileIsFedOnWhiteGlassAsThePipelineReadsIt() {
        KidneyTile tile = TrainFixtures.tile(2, 96);
        SceneSynthesizer train = new SceneSynthesizer(List.of(TrainFixtures.tile(1, 96)),
                TrainFixtures.crops(32).subList(0, 4), 16, 30, 2);
        DetectorTask task = new DetectorTask(train, null, List.of(tile), 64, 2.0,
                new CircleNetModel(new int[] {4, 8, 8, 8}, 4), Augmenter.standard(), 8);
        List<int[]> shapes = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        task.validate((images, n, h, w) -> {
            shapes.add(new int[] {n, h, w});
            inputs.add(images.clone());
            int cells = (h / CircleNetModel.STRIDE) * (w / CircleNetModel.STRIDE);
            Map<String, float[]> out = new HashMap<>();
            out.put(DetectorTask.HEATMAP, new float[cells]);
            out.put(DetectorTask.OFFSET, new float[cells * 2]);
            out.put(DetectorTask.RADIUS, new float[cells]);
            return out;
        });
        assertEquals(512, DetectorTask.pipelineTilePixels(2.0), "1024 um tiles at 2 um/px");
        assertEquals(256, DetectorTask.pipelineTilePixels(4.0), "1024 um tiles at 4 um/px");
        int edge = DetectorTask.pipelineTilePixels(2.0);
        float[] seen = inputs.get(0);
        assertEquals(List.of(1, edge, edge), List.of(shapes.get(0)[0], shapes.get(0)[1], shapes.get(0)[2]));
        for (int c = 0; c < 3; c++) {
            assertEquals(tile.image().get(10, 20, c), seen[(20 * edge + 10) * 3 + c], "tile pixel, channel " + c);
            assertEquals(tile.image().get(95, 95, c), seen[(95 * edge + 95) * 3 + c], "last tile pixel");
            assertEquals(1f, seen[(20 * edge + 96) * 3 + c], "glass right of the tile");
            assertEquals(1f, seen[(96 * edge + 10) * 3 + c], "glass below the tile");
            assertEquals(1f, seen[(edge * edge - 1) * 3 + c], "glass at the far corner");
        }
    }

    @Test
    void aTileLargerThanOnePipelineTileIsCroppedToMultiplesOf32() {
        int edge = DetectorTask.pipelineTilePixels(2.0);
        FloatImage big = FloatImage.zeros(edge + 40, 70, 3);
        FloatImage fed = DetectorTask.asPipelineReadsIt(big, edge);
        assertEquals(edge + 32, fed.width());
        assertEquals(64, fed.height());
    }
}
