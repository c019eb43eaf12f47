package org.gloinone.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gloinone.stain.StainDensities;

/**
 * The stain of a detector's training tiles, which its package records so that a run restains each slide to it: per
 * stain, the median over the training tiles of each tile's {@link StainDensities}, measured at the same resolution
 * as a run measures a slide. The held-out tiles do not count.
 */
final class TrainingStain {
    private TrainingStain() {
    }

    /** The training tiles' stain; empty when no tile holds stained pixels. */
    static Optional<StainDensities> reference(TrainingData data) throws IOException {
        int factor = (int) Math.round(StainDensities.MICRONS_PER_PIXEL / TrainingData.TILE_MICRONS_PER_PIXEL);
        List<Double> haematoxylin = new ArrayList<>();
        List<Double> eosin = new ArrayList<>();
        for (KidneyTile tile : data.tiles(factor, 1)
                .byIdRange(data.validationFirstTile(), data.validationLastTile(), false)) {
            StainDensities.ofPixels(argb(tile.image())).ifPresent(d -> {
                haematoxylin.add(d.haematoxylin());
                eosin.add(d.eosin());
            });
        }
        return haematoxylin.isEmpty() ? Optional.empty()
                : Optional.of(new StainDensities(median(haematoxylin), median(eosin)));
    }

    private static int[] argb(FloatImage rgb) {
        int[] out = new int[rgb.width() * rgb.height()];
        for (int i = 0; i < out.length; i++) {
            int r = Math.round(rgb.data()[3 * i] * 255);
            int g = Math.round(rgb.data()[3 * i + 1] * 255);
            int b = Math.round(rgb.data()[3 * i + 2] * 255);
            out[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
