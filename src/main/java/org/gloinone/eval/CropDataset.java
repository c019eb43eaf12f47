package org.gloinone.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A crops dataset: a folder with {@code labels.csv} ({@code image,mask,class,is_globally_sclerotic,slide_id},
 * paths relative to the folder), the crop images and their masks. Columns may come in any order; extra
 * columns are allowed. {@code is_globally_sclerotic} is {@code 1}/{@code 0} (or {@code true}/{@code false}).
 */
public final class CropDataset {
    /** The label file of a crops dataset. */
    public static final String LABELS = "labels.csv";

    private static final List<String> COLUMNS = List.of("image", "mask", "class", "is_globally_sclerotic", "slide_id");

    private CropDataset() {
    }

    /** Whether {@code dir} looks like a crops dataset (it holds {@value #LABELS}). */
    public static boolean isCrops(Path dir) {
        return Files.isRegularFile(dir.resolve(LABELS));
    }

    /**
     * Reads and checks labels.csv: every column present, every row complete, every referenced file present.
     *
     * @throws DatasetException naming labels.csv (with its line) or the missing file
     */
    public static List<LabelledCrop> read(Path dir) throws DatasetException {
        Path labels = dir.resolve(LABELS);
        if (!Files.isRegularFile(labels)) {
            throw new DatasetException(labels, "file not found (a crops dataset needs " + LABELS + ")");
        }
        List<LabelledCrop> crops = new ArrayList<>();
        for (LabelRows.Row row : LabelRows.read(labels, COLUMNS)) {
            List<String> f = row.values();
            int lineNo = row.lineNo();
            crops.add(new LabelledCrop(f.get(0), existing(dir, f.get(0), labels, lineNo),
                    existing(dir, f.get(1), labels, lineNo), f.get(2), LabelRows.flag(f.get(3), labels, lineNo),
                    f.get(4)));
        }
        if (crops.isEmpty()) {
            throw new DatasetException(labels, "lists no crops");
        }
        return crops;
    }

    private static Path existing(Path dir, String relative, Path labels, int lineNo) throws DatasetException {
        if (relative.isEmpty()) {
            throw new DatasetException(labels, "line " + lineNo + " has an empty file name");
        }
        Path p = dir.resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            throw new DatasetException(p, "file not found (listed on line " + lineNo + " of " + LABELS + ")");
        }
        return p;
    }
}
