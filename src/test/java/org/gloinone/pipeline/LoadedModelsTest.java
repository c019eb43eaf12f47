package org.gloinone.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.FileTrees;
import org.gloinone.model.Device;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelException;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.model.ViewAveragingPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded package is run as its rdf.yaml asks: here, the bundled classifier and detector with test-time views. */
class LoadedModelsTest {
    private static final Path BUNDLED = Path.of("models", "classifier");
    private static final Path BUNDLED_DETECTOR = Path.of("models", "detector");

    @Test
    void aClassifierWithEightViewsAnswersTheSameForEveryTurnOfAPatch(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path viewed = dir.resolve("viewed");
        copyWithViews(BUNDLED, plain, viewed, "      patch_size: 256\n", 8);

        FloatTensor patch = asymmetricPatch();
        FloatTensor turned = ViewAveragingPredictor.view(patch, 6);
        float[] plainAsIs = probabilities(plain, patch);
        float[] plainTurned = probabilities(plain, turned);
        float[] viewedAsIs = probabilities(viewed, patch);
        float[] viewedTurned = probabilities(viewed, turned);
        // One view: the network alone is not invariant to a quarter turn. Eight views: the mean over the group is.
        assertTrue(maxDifference(plainAsIs, plainTurned) > 1e-4,
                "the network alone answered alike: " + List.of(plainAsIs, plainTurned));
        assertArrayEquals(viewedAsIs, viewedTurned, 1e-5f);
    }

    @Test
    void aDetectorWithTwoViewsFindsAMirroredTileMirrored(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path viewed = dir.resolve("viewed");
        copyWithViews(BUNDLED_DETECTOR, plain, viewed, "      top_k: 100\n", 2);

        FloatTensor tile = asymmetricPatch(); // 256 px: a whole number of the detector's 32 px
        FloatTensor mirrored = ViewAveragingPredictor.view(tile, 1);
        Map<String, FloatTensor> plainAsIs = outputs(plain, Task.DETECT, tile);
        Map<String, FloatTensor> plainMirrored = outputs(plain, Task.DETECT, mirrored);
        Map<String, FloatTensor> viewedAsIs = outputs(viewed, Task.DETECT, tile);
        Map<String, FloatTensor> viewedMirrored = outputs(viewed, Task.DETECT, mirrored);
        for (String head : List.of("heatmap", "radius")) {
            // Averaged over a tile and its mirror image, the heads of a mirrored tile are the heads mirrored.
            assertArrayEquals(ViewAveragingPredictor.view(viewedAsIs.get(head), 1).data(),
                    viewedMirrored.get(head).data(), 1e-4f, head);
            assertTrue(maxDifference(ViewAveragingPredictor.view(plainAsIs.get(head), 1).data(),
                    plainMirrored.get(head).data()) > 1e-3, "the network alone was already mirror-symmetric");
        }
        // The offsets too, each mirrored within its cell: dx becomes 1 - dx, dy stays.
        float[] asIs = ViewAveragingPredictor.view(viewedAsIs.get("offset"), 1).data();
        float[] other = viewedMirrored.get("offset").data();
        for (int i = 0; i < asIs.length; i += 2) {
            assertEquals(1 - asIs[i], other[i], 1e-4f);
            assertEquals(asIs[i + 1], other[i + 1], 1e-4f);
        }
    }

    /**
     * Copies a bundled package to {@code plain} as it is and to {@code viewed} with {@code test_time_views} set
     * after the rdf.yaml line {@code after}, in the same section.
     */
    private static void copyWithViews(Path bundled, Path plain, Path viewed, String after, int views)
            throws java.io.IOException {
        assumeTrue(Files.isDirectory(bundled), bundled + " is absent");
        FileTrees.copy(bundled, plain);
        FileTrees.copy(bundled, viewed);
        Path rdf = viewed.resolve("rdf.yaml");
        String yaml = Files.readString(rdf);
        assumeTrue(yaml.contains(after), bundled + ": its settings changed");
        Files.writeString(rdf, yaml.replace(after, after + "      test_time_views: " + views + "\n"));
    }

    private static float[] probabilities(Path pkg, FloatTensor input) throws ModelException {
        return outputs(pkg, Task.CLASSIFY, input).get("probabilities").data();
    }

    /** Every output of the package's network for {@code input}, run as a pipeline loads it. */
    private static Map<String, FloatTensor> outputs(Path pkg, Task task, FloatTensor input) throws ModelException {
        FoundModels found = new FoundModels(Map.of(task, pkg), List.of(pkg.getParent()));
        try (LoadedModels loaded = LoadedModels.load(found, Set.of(task),
                new PredictorOptions(Device.CPU, 1, 1, false))) {
            return loaded.stage(task).predictor().predict(input);
        }
    }

    /** A 256 x 256 patch, preprocessed to 0-1: a purple disc off the centre on pink, so that turns show. */
    private static FloatTensor asymmetricPatch() {
        int size = 256;
        float[] data = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean disc = Math.hypot(x - 90, y - 110) < 60;
                int i = (y * size + x) * 3;
                data[i] = disc ? 0.55f : 0.93f;
                data[i + 1] = disc ? 0.35f : 0.75f + 0.1f * x / size;
                data[i + 2] = disc ? 0.7f : 0.85f;
            }
        }
        return new FloatTensor(new long[] {1, size, size, 3}, data);
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
