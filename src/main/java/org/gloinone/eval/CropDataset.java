package org.gloinone.eval;

import org.gloinone.io.CsvLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<String> lines;
        try {
            lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(labels, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new DatasetException(labels, "is empty; expected the header " + String.join(",", COLUMNS));
        }
        List<String> header = fields(stripBom(lines.get(0)), labels, 1);
        int[] column = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            column[c] = header.indexOf(COLUMNS.get(c));
            if (column[c] < 0) {
                throw new DatasetException(labels, "header has no column '" + COLUMNS.get(c) + "'; expected "
                        + String.join(",", COLUMNS));
            }
        }
        List<LabelledCrop> crops = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> f = fields(lines.get(i), labels, lineNo);
            if (f.size() != header.size()) {
                throw new DatasetException(labels, "line " + lineNo + " has " + f.size() + " fields, the header "
                        + header.size());
            }
            String image = f.get(column[0]);
            String mask = f.get(column[1]);
            crops.add(new LabelledCrop(image, existing(dir, image, labels, lineNo), existing(dir, mask, labels, lineNo),
                    f.get(column[2]), flag(f.get(column[3]), labels, lineNo), f.get(column[4])));
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

    private static boolean flag(String value, Path labels, int lineNo) throws DatasetException {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new DatasetException(labels, "line " + lineNo + ": is_globally_sclerotic must be 1 or 0, got '"
                    + value + "'");
        };
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static List<String> fields(String line, Path file, int lineNo) throws DatasetException {
        try {
            return CsvLine.split(line);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file, "line " + lineNo + " has an " + e.getMessage());
        }
    }
}
