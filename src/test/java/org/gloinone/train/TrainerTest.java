package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
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

    @Test
    void fewStepsReduceTheLossOnAFixedBatch() throws Exception {
        TrainingTask task = new FixedBatchTask(tinySegmenter(), 4);
        Losses rec = new Losses();
        // one step per epoch (4 samples, batch 4): the epoch mean is the loss of that step
        new Trainer(task, new TrainingOptions(25, 4, 0.05, 0, 3, null, false, 100)).train(rec);
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
                () -> new Trainer(task, new TrainingOptions(3, 4, 0.01, 0, 3, dir, false, 100)).train(interrupted));
        Losses rec = new Losses();
        TrainingResult b = new Trainer(task, new TrainingOptions(3, 4, 0.01, 0, 3, dir, true, 100)).train(rec);
        assertEquals(1, rec.steps.size(), "only the third epoch ran");
        TrainingResult c = new Trainer(task, new TrainingOptions(3, 4, 0.01, 0, 3, null, false, 100))
                .train(TrainingListener.silent());
        TrainingResult fresh = new Trainer(task, new TrainingOptions(1, 4, 0.01, 0, 3, null, false, 100))
                .train(TrainingListener.silent());
        String some = "enc0/c1/kernel";
        // multi-threaded CPU kernels sum in varying order, and Adam turns tiny gradient differences into steps of
        // up to the learning rate: compare within two steps
        double resumedVsStraight = maxDiff(c.weights().get(some), b.weights().get(some));
        double freshVsStraight = maxDiff(c.weights().get(some), fresh.weights().get(some));
        assertTrue(resumedVsStraight < 0.02, "2 epochs + resume for 1 ~ 3 epochs straight: " + resumedVsStraight);
        assertTrue(freshVsStraight > resumedVsStraight, "a fresh 1-epoch run is further away");
    }

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
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
