package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small SimSiam run on synthetic crops and tiles, its package, and fine-tuning from it. */
class SimSiamPretrainingTest {
    private static final ResNetClassifier BACKBONE = new ResNetClassifier(3, 0f, 4, 8);

    private static SimSiamTask task() {
        List<GlomerulusCrop> crops = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            crops.add(TrainFixtures.crop(32, i % 2 == 1, "slide" + i % 3, i));
        }
        // milder views than the default: the synthetic disks carry little to tell apart
        return new SimSiamTask(crops, List.of(TrainFixtures.tile(1, 96)), 16, new SimSiam(BACKBONE, 8, 4),
                new SimSiamViews(0.6, 0.1, 0.5, new Augmenter(0, 0, 0.02, 0, 0)));
    }

    /** Records the epoch losses. */
    private static final class EpochLosses implements TrainingListener {
        final List<Double> losses = new ArrayList<>();

        @Override
        public void step(int epoch, int step, int totalSteps, double loss, double etaSeconds) {
        }

        @Override
        public void epoch(int epoch, double meanLoss, Map<String, Double> metrics) {
            losses.add(meanLoss);
        }
    }

    @Test
    void batchesHoldTwoViewsOfEachImage() {
        SimSiamTask t = task();
        Batch b = t.trainingBatch(new java.util.Random(1), 3);
        assertEquals(6, b.size());
        assertEquals(6 * 16 * 16 * 3, b.images().length);
        assertTrue(b.targets().isEmpty());
        Batch again = t.trainingBatch(new java.util.Random(1), 3);
        assertArrayEquals(b.images(), again.images(), "same seed, same batch");
    }

    @Test
    void lossFallsAndTheOutputsDoNotCollapse(@TempDir Path dir) throws IOException {
        SimSiamTask t = task();
        EpochLosses losses = new EpochLosses();
        CollapseWatch watch = new CollapseWatch(losses);
        // 24 crops / 0.6 = 40 samples per epoch: 5 steps of 8 pairs per epoch
        TrainingOptions options = new TrainingOptions(10, 8, 0.01, 0, 11, null, false, 1).reproducible();
        TrainingResult r = new Trainer(t, options).train(watch);
        List<Double> l = losses.losses;
        double first = (l.get(0) + l.get(1)) / 2;
        double last = (l.get(7) + l.get(8) + l.get(9)) / 3;
        assertTrue(last < first - 0.15, "SimSiam loss went from " + l);
        assertTrue(l.stream().allMatch(v -> v >= -1 && v <= 1), "a negative cosine lies in [-1, 1]: " + l);
        assertTrue(watch.lastSpread() >= CollapseWatch.COLLAPSED_SHARE / Math.sqrt(8),
                "normalised output std " + watch.lastSpread());

        Path pkg = dir.resolve("encoder");
        PretrainedEncoder.write(pkg, r, t.net(), 16, watch.lastSpread(), "test");
        PretrainedEncoder enc = PretrainedEncoder.read(pkg, BACKBONE);
        assertEquals(16, enc.size());
        assertTrue(enc.weights().containsKey("stem/kernel"));
        assertFalse(enc.weights().keySet().stream().anyMatch(k -> k.startsWith(SimSiam.HEAD_PREFIX)),
                "the MLPs are not part of the encoder");
        assertArrayEquals(r.weights().get("stage1/block2/b/kernel"), enc.weights().get("stage1/block2/b/kernel"));
        assertTrue(Files.readString(pkg.resolve("README.md")).contains("train classify --init"));

        // fine-tuning starts from the encoder: with 0 epochs the classifier's backbone is exactly the encoder
        // (the tiny classifier has the same backbone widths, 4 and 8)
        ClassifierTask classify = TrainFixtures.tinyClassifier(0f);
        TrainingResult start = new Trainer(classify, new TrainingOptions(0, 4, 0.01, 0, 5, null, false, 1)
                .reproducible()).startingFrom(enc.weights()).train(TrainingListener.silent());
        for (String name : enc.weights().keySet()) {
            assertArrayEquals(enc.weights().get(name), start.weights().get(name), name);
        }
        assertTrue(start.weights().containsKey("classes/kernel"), "the dense head keeps its seeded start");
    }

    @Test
    void anEncoderOfOtherWidthsIsRefusedWithTheFolderNamed(@TempDir Path dir) throws IOException {
        SimSiamTask t = task();
        TrainingResult r = new Trainer(t, new TrainingOptions(1, 4, 0.01, 0, 11, null, false, 1).reproducible())
                .train(TrainingListener.silent());
        Path pkg = dir.resolve("encoder");
        PretrainedEncoder.write(pkg, r, t.net(), 16, 0.3, "test");
        IOException e = assertThrows(IOException.class,
                () -> PretrainedEncoder.read(pkg, new ResNetClassifier(3, 0f, 4, 16)));
        assertTrue(e.getMessage().contains(pkg.toString()) && e.getMessage().contains("4,8"), e.getMessage());
        IOException notAPackage = assertThrows(IOException.class, () -> PretrainedEncoder.read(dir, BACKBONE));
        assertTrue(notAPackage.getMessage().contains("not a pretrained-encoder package"), notAPackage.getMessage());
    }

    @Test
    void startingWeightsMustNameVariablesOfTheNetwork() {
        ClassifierTask classify = TrainFixtures.tinyClassifier(0f);
        Trainer trainer = new Trainer(classify, new TrainingOptions(0, 4, 0.01, 0, 5, null, false, 1).reproducible())
                .startingFrom(Map.of("decoder/kernel", new float[1]));
        var e = assertThrows(IllegalArgumentException.class, () -> trainer.train(TrainingListener.silent()));
        assertTrue(e.getMessage().contains("decoder/kernel"), e.getMessage());
    }
}
