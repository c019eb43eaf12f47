package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.gloinone.eval.SlideFolds;

/**
 * The training crops of one class, drawn at random: each crop alike, or, balanced by source, a source first (each
 * alike) and then one of its crops. Balancing keeps a lab with few crops of a class from being drowned by one with
 * many, e.g. pale hyalinised sclerosed glomeruli of one lab among dark collapsed ones of another.
 */
final class CropPool {
    private final List<GlomerulusCrop> crops;
    private final List<List<GlomerulusCrop>> bySource;

    private CropPool(List<GlomerulusCrop> crops, List<List<GlomerulusCrop>> bySource) {
        this.crops = crops;
        this.bySource = bySource;
    }

    /** Each crop equally likely. */
    static CropPool uniform(List<GlomerulusCrop> crops) {
        return new CropPool(List.copyOf(crops), null);
    }

    /** Each source equally likely ({@link SlideFolds#sourceOf}), then each of its crops. */
    static CropPool bySource(List<GlomerulusCrop> crops) {
        Map<String, List<GlomerulusCrop>> groups = new TreeMap<>();
        for (GlomerulusCrop c : crops) {
            groups.computeIfAbsent(SlideFolds.sourceOf(c.slideId()), s -> new ArrayList<>()).add(c);
        }
        return new CropPool(List.copyOf(crops), groups.values().stream().map(List::copyOf).toList());
    }

    GlomerulusCrop draw(Random rnd) {
        if (bySource == null) {
            return crops.get(rnd.nextInt(crops.size()));
        }
        List<GlomerulusCrop> source = bySource.get(rnd.nextInt(bySource.size()));
        return source.get(rnd.nextInt(source.size()));
    }

    int size() {
        return crops.size();
    }

    GlomerulusCrop first() {
        return crops.get(0);
    }
}
