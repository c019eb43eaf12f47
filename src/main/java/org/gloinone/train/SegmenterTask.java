package org.gloinone.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gloinone.model.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Glomerulus segmentation on crops: a {@link UNet} trained with BCE + Dice on augmented patches; validation reports
 * the mean per-glomerulus Dice on the held-out slides.
 */
public final class SegmenterTask implements TrainingTask {
    /** Output name of the mask probabilities. */
    public static final String MASK = "mask";

    private final List<GlomerulusCrop> train;
    private final List<GlomerulusCrop> validation;
    private final int size;
    private final UNet net;
    private final Augmenter augmenter;

    /**
     * @param train      training crops
     * @param validation held-out crops (other slides)
     * @param size       patch edge, a multiple of the U-Net's divisor
     * @param net        the network
     * @param augmenter  training augmentation
     */
    public SegmenterTask(List<GlomerulusCrop> train, List<GlomerulusCrop> validation, int size, UNet net,
                         Augmenter augmenter) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training crops");
        }
        if (size % net.divisor() != 0) {
            throw new IllegalArgumentException("patch size " + size + " must be a multiple of " + net.divisor());
        }
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.size = size;
        this.net = net;
        this.augmenter = augmenter;
    }

    @Override
    public Task task() {
        return Task.SEGMENT;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public Map<String, Operand<TFloat32>> network(Layers layers, Operand<TFloat32> image) {
        Operand<TFloat32> logits = net.logits(layers, image);
        return TrainingTask.withLogits(MASK, layers.tf().math.sigmoid(logits), logits);
    }

    @Override
    public List<String> exportedOutputs() {
        return List.of(MASK);
    }

    @Override
    public Map<String, long[]> targetShapes() {
        return Map.of(MASK, new long[] {size, size, 1});
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> outputs,
                                  Map<String, Operand<TFloat32>> targets) {
        return Losses.bceDice(tf, outputs.get("logits"), targets.get(MASK));
    }

    @Override
    public int samplesPerEpoch() {
        return train.size();
    }

    @Override
    public Batch trainingBatch(Random rnd, int n) {
        int px = size * size;
        float[] images = new float[n * px * 3];
        float[] masks = new float[n * px];
        for (int i = 0; i < n; i++) {
            FloatImage[] p = CropPatches.sample(train.get(rnd.nextInt(train.size())), size, augmenter, rnd);
            System.arraycopy(p[0].data(), 0, images, i * px * 3, px * 3);
            for (int j = 0; j < px; j++) {
                masks[i * px + j] = p[1].data()[j] > 0.5f ? 1f : 0f;
            }
        }
        return new Batch(n, images, Map.of(MASK, masks));
    }

    @Override
    public Map<String, Double> validate(Inference inference) {
        if (validation.isEmpty()) {
            return Map.of();
        }
        int px = size * size;
        List<Double> dice = new ArrayList<>();
        for (int start = 0; start < validation.size(); start += 16) {
            int n = Math.min(16, validation.size() - start);
            float[] images = new float[n * px * 3];
            List<float[]> truth = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                FloatImage[] p = CropPatches.sample(validation.get(start + i), size, augmenter, null);
                System.arraycopy(p[0].data(), 0, images, i * px * 3, px * 3);
                truth.add(p[1].data());
            }
            float[] mask = inference.run(images, n, size, size).get(MASK);
            for (int i = 0; i < n; i++) {
                float[] one = new float[px];
                System.arraycopy(mask, i * px, one, 0, px);
                dice.add(ValidationMetrics.dice(one, truth.get(i)));
            }
        }
        double mean = dice.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        List<Double> sorted = new ArrayList<>(dice);
        sorted.sort(null);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("dice_mean", mean);
        m.put("dice_median", sorted.get(sorted.size() / 2));
        m.put("validation_crops", (double) dice.size());
        return m;
    }

    @Override
    public Batch exampleInput() {
        GlomerulusCrop c = validation.isEmpty() ? train.get(0) : validation.get(0);
        FloatImage[] p = CropPatches.sample(c, size, augmenter, null);
        return new Batch(1, p[0].data(), Map.of(MASK, p[1].data()));
    }
}
