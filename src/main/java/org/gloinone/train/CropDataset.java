package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The glomerulus-crops layout: {@code labels.csv} with columns
 * {@code image,mask,class,is_globally_sclerotic,slide_id} and the image and mask files it names.
 */
public final class CropDataset {
    private final List<GlomerulusCrop> crops;

    private CropDataset(List<GlomerulusCrop> crops) {
        this.crops = List.copyOf(crops);
    }

    /**
     * Reads every crop listed in {@code dir/labels.csv}; {@code limit} > 0 keeps only the first crops of each
     * class (for quick tests).
     */
    public static CropDataset read(Path dir, int limit) throws IOException {
        Path csv = dir.resolve("labels.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": missing (expected the glomerulus-crops layout)");
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).startsWith("image,mask,class,is_globally_sclerotic,slide_id")) {
            throw new IOException(csv + ": header must be image,mask,class,is_globally_sclerotic,slide_id");
        }
        List<GlomerulusCrop> out = new ArrayList<>();
        int gs = 0;
        int other = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 5) {
                throw new IOException(csv + ": line " + (i + 1) + " has " + f.length + " fields, expected 5");
            }
            boolean sclerosed = f[3].strip().equals("1");
            if (limit > 0 && (sclerosed ? gs : other) >= limit) {
                continue;
            }
            if (sclerosed) {
                gs++;
            } else {
                other++;
            }
            out.add(new GlomerulusCrop(f[0], FloatImage.readRgb(dir.resolve(f[0])),
                    FloatImage.readMask(dir.resolve(f[1])), sclerosed, f[4].strip()));
        }
        return new CropDataset(out);
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
