package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gloinone.eval.DatasetException;
import org.gloinone.eval.LabelledCrop;

/**
 * The glomerulus-crops layout loaded for training: the crops {@code labels.csv} lists, with their images and masks
 * in memory.
 */
public final class CropTrainingSet {
    private final List<GlomerulusCrop> crops;

    private CropTrainingSet(List<GlomerulusCrop> crops) {
        this.crops = List.copyOf(crops);
    }

    /**
     * Reads every crop listed in {@code dir/labels.csv} (checked by the evaluation's reader); {@code limit} > 0 keeps
     * only the first crops of each class (for quick tests).
     *
     * @throws IOException naming labels.csv (with its line) or the missing or unreadable file
     */
    public static CropTrainingSet read(Path dir, int limit) throws IOException {
        List<LabelledCrop> listed;
        try {
            listed = org.gloinone.eval.CropDataset.read(dir);
        } catch (DatasetException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<GlomerulusCrop> out = new ArrayList<>();
        int gs = 0;
        int other = 0;
        for (LabelledCrop c : listed) {
            boolean sclerosed = c.globallySclerotic();
            if (limit > 0 && (sclerosed ? gs : other) >= limit) {
                continue;
            }
            if (sclerosed) {
                gs++;
            } else {
                other++;
            }
            out.add(new GlomerulusCrop(c.name(), FloatImage.readRgb(c.image()), FloatImage.readMask(c.mask()),
                    sclerosed, c.slideId()));
        }
        return new CropTrainingSet(out);
    }

    /** All crops. */
    public List<GlomerulusCrop> crops() {
        return crops;
    }

    /** The slide of every crop, in order. */
    public List<String> slideIds() {
        return crops.stream().map(GlomerulusCrop::slideId).toList();
    }

    /** Crops of the given slides ({@code inSlides = true}) or of all other slides. */
    public List<GlomerulusCrop> select(Set<String> slides, boolean inSlides) {
        return crops.stream().filter(c -> slides.contains(c.slideId()) == inSlides).toList();
    }
}
