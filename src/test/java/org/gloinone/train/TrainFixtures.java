package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gloinone.detect.Circle;

/** Small synthetic crops and tiles: dark pink disks ("glomeruli") on light pink noisy tissue. */
final class TrainFixtures {
    private TrainFixtures() {
    }

    /** A crop of the given edge with a centred disk; sclerosed disks are paler and uniform. */
    static GlomerulusCrop crop(int size, boolean sclerosed, String slide, long seed) {
        Random rnd = new Random(seed);
        FloatImage img = FloatImage.zeros(size, size, 3);
        FloatImage mask = FloatImage.zeros(size, size, 1);
        double r = size * (0.3 + 0.1 * rnd.nextDouble());
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = Math.hypot(x + 0.5 - size / 2.0, y + 0.5 - size / 2.0) < r;
                mask.set(x, y, 0, in ? 1 : 0);
                float n = (float) rnd.nextGaussian() * 0.03f;
                float[] rgb = in ? (sclerosed ? new float[] {0.85f, 0.6f, 0.8f} : new float[] {0.55f, 0.25f, 0.55f})
                        : new float[] {0.9f, 0.75f, 0.85f};
                for (int c = 0; c < 3; c++) {
                    img.set(x, y, c, Math.min(1, Math.max(0, rgb[c] + n)));
                }
            }
        }
        return new GlomerulusCrop("crop" + seed, img, mask, sclerosed, slide);
    }

    /** Crops from two slides: four normal and four sclerosed. */
    static List<GlomerulusCrop> crops(int size) {
        List<GlomerulusCrop> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(crop(size, i % 2 == 1, i < 4 ? "slideA" : "slideB", i));
        }
        return out;
    }

    /** A tiny classifier task: 16 px patches of six crops and a tile, validated on two crops and another tile. */
    static ClassifierTask tinyClassifier(float dropout) {
        List<GlomerulusCrop> crops = crops(32);
        return new ClassifierTask(crops.subList(0, 6), List.of(tile(1, 96)), crops.subList(6, 8), List.of(tile(2, 96)),
                16, new ResNetClassifier(3, dropout, 4, 8), Augmenter.standard(), 2.5f);
    }

    /** A tissue tile with one disk glomerulus. */
    static KidneyTile tile(int id, int size) {
        Random rnd = new Random(id);
        FloatImage img = FloatImage.zeros(size, size, 3);
        FloatImage mask = FloatImage.zeros(size, size, 1);
        double cx = size * 0.3;
        double cy = size * 0.6;
        double r = size * 0.15;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < r;
                mask.set(x, y, 0, in ? 1 : 0);
                float n = (float) rnd.nextGaussian() * 0.03f;
                float[] rgb = in ? new float[] {0.55f, 0.25f, 0.55f} : new float[] {0.8f, 0.6f, 0.75f};
                for (int c = 0; c < 3; c++) {
                    img.set(x, y, c, Math.min(1, Math.max(0, rgb[c] + n)));
                }
            }
        }
        return new KidneyTile(id, img, mask, MaskComponents.circles(mask, 4));
    }

    static List<Circle> circlesOf(KidneyTile t) {
        return t.circles();
    }
}
