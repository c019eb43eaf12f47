package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.CircleIou;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Trains each task for a few steps on tiny synthetic data, validates and exports it. */
class SmokeTrainingTest {
    private static final TrainingOptions FEW_STEPS = new TrainingOptions(2, 4, 0.005, 1e-4, 1, null, false, 1)
            .reproducible();

    private static Map<String, float[]> exportAndRun(TrainingTask task, TrainingResult r, Path dir, int edge)
            throws Exception {
        Path saved = dir.resolve("savedmodel");
        SavedModelExport.export(task, r.weights(), saved);
        assertTrue(Files.isRegularFile(saved.resolve("saved_model.pb")));
        try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), "serve");
             TFloat32 in = Tensors.floats(new float[2 * edge * edge * 3], 2, edge, edge, 3);
             var res = b.call(Map.of("image", in))) {
            Map<String, float[]> out = new java.util.HashMap<>();
            for (String name : task.exportedOutputs()) {
                TFloat32 t = (TFloat32) res.get(name).orElseThrow();
                out.put(name, Tensors.toFloats(t));
                out.put(name + "#dims", toFloat(t.shape()));
            }
            return out;
        }
    }

    private static float[] toFloat(Shape s) {
        float[] f = new float[s.numDimensions()];
        for (int i = 0; i < f.length; i++) {
            f[i] = s.size(i);
        }
        return f;
    }

    @Test
    void segmenter(@TempDir Path dir) throws Exception {
        List<GlomerulusCrop> crops = TrainFixtures.crops(32);
        SegmenterTask task = new SegmenterTask(crops.subList(0, 6), crops.subList(6, 8), 16, new UNet(4, 8),
                Augmenter.standard());
        TrainingResult r = new Trainer(task, FEW_STEPS).train(TrainingListener.silent());
        assertTrue(r.metrics().get("dice_mean") >= 0 && r.metrics().get("dice_mean") <= 1);
        Map<String, float[]> out = exportAndRun(task, r, dir, 16);
        assertEquals(List.of(2f, 16f, 16f, 1f), boxed(out.get("mask#dims")));
        for (float v : out.get("mask")) {
            assertTrue(v >= 0 && v <= 1, "mask is a probability");
        }
    }

    @Test
    void classifier(@TempDir Path dir) throws Exception {
        ClassifierTask task = TrainFixtures.tinyClassifier(0.1f);
        TrainingResult r = new Trainer(task, FEW_STEPS).train(TrainingListener.silent());
        assertTrue(r.metrics().containsKey("auc_sclerosed_vs_normal"));
        Map<String, float[]> out = exportAndRun(task, r, dir, 16);
        assertEquals(List.of(2f, 3f), boxed(out.get("probabilities#dims")));
        float[] p = out.get("probabilities");
        assertEquals(1, p[0] + p[1] + p[2], 1e-5, "softmax sums to 1");
    }

    @Test
    void detector(@TempDir Path dir) throws Exception {
        List<GlomerulusCrop> crops = TrainFixtures.crops(32);
        SceneSynthesizer train = new SceneSynthesizer(List.of(TrainFixtures.tile(1, 96)), crops.subList(0, 6), 16, 30, 2);
        SceneSynthesizer val = new SceneSynthesizer(List.of(TrainFixtures.tile(2, 96)), crops.subList(6, 8), 16, 30, 2);
        DetectorTask task = new DetectorTask(train, val, List.of(TrainFixtures.tile(2, 96)), 64, 2.0,
                new CircleNetModel(new int[] {4, 8, 8, 8}, 4), Augmenter.standard(), 8);
        TrainingResult r = new Trainer(task, FEW_STEPS).train(TrainingListener.silent());
        assertTrue(r.metrics().containsKey("ap50_heldout_tiles"));
        // fully convolutional: any multiple of 32 works
        Map<String, float[]> out = exportAndRun(task, r, dir, 96);
        assertEquals(List.of(2f, 24f, 24f, 1f), boxed(out.get("heatmap#dims")));
        assertEquals(List.of(2f, 24f, 24f, 2f), boxed(out.get("offset#dims")));
        assertEquals(List.of(2f, 24f, 24f, 1f), boxed(out.get("radius#dims")));
        // the exported detector's false positives on a tile: every one misses the annotated glomerulus
        KidneyTile tile = TrainFixtures.tile(3, 96);
        var fps = DetectorFalsePositives.mine(new TrainedDetector(dir.resolve("savedmodel"), 2.0),
                List.of(tile), 0.0, 0.2);
        assertTrue(!fps.isEmpty(), "an untrained detector fires somewhere");
        for (var fp : fps) {
            assertTrue(CircleIou.of(fp.circle(), tile.circles().get(0)) <= 0.2, fp.toString());
        }
    }

    @Test
    void scenesLabelTheRealAndThePastedGlomeruli() {
        List<GlomerulusCrop> crops = TrainFixtures.crops(32).stream().filter(c -> !c.sclerosed()).toList();
        SceneSynthesizer s = new SceneSynthesizer(List.of(TrainFixtures.tile(1, 96)), crops, 16, 30, 3);
        DetectorScene scene = s.scene(new java.util.Random(4), 96, false);
        // the tile's own glomerulus plus at least one pasted one
        assertTrue(scene.circles().size() >= 2, "circles " + scene.circles());
        for (var c : scene.circles()) {
            float[] px = {scene.image().get((int) c.centerX(), (int) c.centerY(), 0),
                scene.image().get((int) c.centerX(), (int) c.centerY(), 1)};
            assertTrue(px[1] < 0.5f, "a glomerulus (dark pink) lies at " + c);
        }
    }

    private static List<Float> boxed(float[] a) {
        List<Float> l = new java.util.ArrayList<>();
        for (float f : a) {
            l.add(f);
        }
        return l;
    }
}
