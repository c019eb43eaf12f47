package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/** A detector ensemble is one exported network whose outputs are the mean of its members'. */
class DetectorEnsembleTest {
    private static final TrainingOptions FEW_STEPS = new TrainingOptions(2, 4, 0.005, 1e-4, 1, null, false, 1)
            .reproducible();
    private static final int EDGE = 64;

    private static DetectorTask task(int members) {
        SceneSynthesizer train = new SceneSynthesizer(List.of(TrainFixtures.tile(1, 96)),
                TrainFixtures.crops(32).subList(0, 6), 16, 30, 2);
        return new DetectorTask(train, null, List.of(TrainFixtures.tile(2, 96)), EDGE, 2.0,
                new CircleNetModel(new int[] {4, 8, 8, 8}, 4), Augmenter.standard(), 8, members);
    }

    @Test
    void theExportedEnsembleAveragesItsMembersProbabilitiesOffsetsAndRadii(@TempDir Path dir) throws Exception {
        DetectorTask ensemble = task(2);
        TrainingResult r = new Trainer(ensemble, FEW_STEPS).train(TrainingListener.silent());
        assertTrue(Double.isFinite(r.finalLoss()));
        float[] image = new float[EDGE * EDGE * 3];
        Random rnd = new Random(3);
        for (int i = 0; i < image.length; i++) {
            image[i] = rnd.nextFloat();
        }
        Map<String, float[]> both = run(ensemble, r.weights(), dir.resolve("ensemble"), image);
        Map<String, float[]> first = run(task(1), member(r.weights(), 1), dir.resolve("m1"), image);
        Map<String, float[]> second = run(task(1), member(r.weights(), 2), dir.resolve("m2"), image);
        float[] h1 = first.get(DetectorTask.HEATMAP);
        float[] h2 = second.get(DetectorTask.HEATMAP);
        double apart = 0;
        for (int i = 0; i < h1.length; i++) {
            double p = (sigmoid(h1[i]) + sigmoid(h2[i])) / 2;
            assertEquals(Math.log(p / (1 - p)), both.get(DetectorTask.HEATMAP)[i], 1e-3, "heatmap cell " + i);
            apart = Math.max(apart, Math.abs(h1[i] - h2[i]));
        }
        assertTrue(apart > 1e-3, "members start from their own weights, so they differ: " + apart);
        for (String name : List.of(DetectorTask.OFFSET, DetectorTask.RADIUS)) {
            float[] a = first.get(name);
            float[] b = second.get(name);
            for (int i = 0; i < a.length; i++) {
                assertEquals((a[i] + b[i]) / 2, both.get(name)[i], 1e-4, name + " " + i);
            }
        }
    }

    @Test
    void anEnsembleNeedsAMember() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> task(0));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The weights of member {@code k}, named as a single network's. */
    private static Map<String, float[]> member(Map<String, float[]> weights, int k) {
        Map<String, float[]> out = new HashMap<>();
        String prefix = "member-" + k + "/";
        weights.forEach((name, v) -> {
            if (name.startsWith(prefix)) {
                out.put(name.substring(prefix.length()), v);
            }
        });
        assertTrue(!out.isEmpty(), "member " + k + " has weights: " + weights.keySet());
        return out;
    }

    private static Map<String, float[]> run(DetectorTask task, Map<String, float[]> weights, Path saved,
                                            float[] image) throws Exception {
        SavedModelExport.export(task, weights, saved);
        Map<String, float[]> out = new HashMap<>();
        try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), "serve");
             TFloat32 in = Tensors.floats(image, 1, EDGE, EDGE, 3);
             var res = b.call(Map.of("image", in))) {
            for (String name : task.exportedOutputs()) {
                out.put(name, Tensors.toFloats((TFloat32) res.get(name).orElseThrow()));
            }
        }
        return out;
    }
}
