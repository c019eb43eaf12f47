package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class TrainerTest {

    private static SegmenterTask tinySegmenter() {
        List<GlomerulusCrop> crops = TrainFixtures.crops(32);
        return new SegmenterTask(crops.subList(0, 6), crops.subList(6, 8), 16, new UNet(4, 8), Augmenter.none());
    }

    /** Records the loss of every step. */
    private static final class Losses implements TrainingListener {
        final List<Double> steps = new ArrayList<>();
        final List<Double> epochLosses = new ArrayList<>();
        int stopAfter = Integer.MAX_VALUE;

        @Override
        public void step(int epoch, int step, int totalSteps, double loss, double eta) {
            steps.add(loss);
        }

        @Override
        public void epoch(int epoch, double meanLoss, Map<String, Double> metrics) {
            epochLosses.add(meanLoss);
            if (epoch >= stopAfter) {
                throw new IllegalStateException("interrupted after epoch " + epoch);
            }
        }
    }

    /** Training options for the tests: one TensorFlow thread, so every run sums in the same order. */
    private static TrainingOptions options(int epochs, double lr, Path checkpoints, boolean resume) {
        return new TrainingOptions(epochs, 4, lr, 0, 3, checkpoints, resume, 100).reproducible();
    }

    @Test
    void fewStepsReduceTheLossOnAFixedBatch() throws Exception {
        TrainingTask task = new FixedBatchTask(tinySegmenter(), 4);
        Losses rec = new Losses();
        // one step per epoch (4 samples, batch 4): the epoch mean is the loss of that step
        new Trainer(task, options(25, 0.05, null, false)).train(rec);
        assertEquals(25, rec.epochLosses.size());
        double first = rec.epochLosses.get(0);
        double last = rec.epochLosses.get(rec.epochLosses.size() - 1);
        assertTrue(last < first * 0.8, "loss went from " + first + " to " + last);
    }

    @Test
    void resumeContinuesFromTheCheckpoint(@TempDir Path dir) throws Exception {
        TrainingTask task = new FixedBatchTask(tinySegmenter(), 4);
        Losses interrupted = new Losses();
        interrupted.stopAfter = 2;
        assertThrows(IllegalStateException.class,
                () -> new Trainer(task, options(3, 0.01, dir, false)).train(interrupted));
        Losses rec = new Losses();
        TrainingResult resumed = new Trainer(task, options(3, 0.01, dir, true)).train(rec);
        assertEquals(1, rec.steps.size(), "only the third epoch ran");
        TrainingResult straight = new Trainer(task, options(3, 0.01, null, false)).train(TrainingListener.silent());
        // The checkpoint holds every variable (Adam's moments and powers included) as exact floats, the schedule
        // and the batches are functions of the step, updates wait for all gradients, and the kernels sum in one
        // order: the same operations on the same floats give the same bits, so there is no tolerance.
        assertSameValues(straight.weights(), resumed.weights());
        TrainingResult fresh = new Trainer(task, options(1, 0.01, null, false)).train(TrainingListener.silent());
        assertFalse(Arrays.equals(straight.weights().get("enc0/c1/kernel"), fresh.weights().get("enc0/c1/kernel")),
                "the last two epochs changed the weights");
    }

    @Test
    void resumedClassifierDrawsTheSameBatchesAndDropout(@TempDir Path dir) throws Exception {
        // augmentation, sampling and a dropout of 0.5 before the dense layer: every random source of training
        TrainingTask task = TrainFixtures.tinyClassifier(0.5f);
        Losses interrupted = new Losses();
        interrupted.stopAfter = 1;
        assertThrows(IllegalStateException.class,
                () -> new Trainer(task, options(2, 0.01, dir, false)).train(interrupted));
        TrainingResult resumed = new Trainer(task, options(2, 0.01, dir, true)).train(TrainingListener.silent());
        Losses straightLosses = new Losses();
        TrainingResult straight = new Trainer(task, options(2, 0.01, null, false)).train(straightLosses);
        assertEquals(interrupted.steps, straightLosses.steps.subList(0, interrupted.steps.size()),
                "the first epoch, step by step");
        assertSameValues(straight.weights(), resumed.weights());
    }

    private static void assertSameValues(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void exportedModelPredictsLikeTheGraph(@TempDir Path dir) throws Exception {
        SegmenterTask task = tinySegmenter();
        TrainingResult trained = new Trainer(task, new TrainingOptions(2, 4, 0.01, 0, 3, null, false, 100))
                .train(TrainingListener.silent());
        Batch example = task.exampleInput();
        float[] inGraph;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Params p = new Params(tf);
            Placeholder<TFloat32> image = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16, 16, 3)));
            Operand<TFloat32> mask = task.network(new Layers(tf, p, false, 0), image).get(SegmenterTask.MASK);
            p.initialize(s);
            p.load(s, trained.weights(), true);
            try (TFloat32 in = Tensors.floats(example.images(), 1, 16, 16, 3);
                 var r = s.runner().feed(image, in).fetch(mask).run()) {
                inGraph = Tensors.toFloats((TFloat32) r.get(0));
            }
        }
        Path saved = dir.resolve("savedmodel");
        SavedModelExport.export(task, trained.weights(), saved);
        try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), "serve");
             TFloat32 in = Tensors.floats(example.images(), 1, 16, 16, 3);
             var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
            TFloat32 out = (TFloat32) r.get(SegmenterTask.MASK).orElseThrow();
            assertEquals(Shape.of(1, 16, 16, 1), out.shape());
            assertArrayEquals(inGraph, Tensors.toFloats(out), 1e-5f);
        }
    }
}
