package org.gloinone.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional classes of a tiles dataset: {@code labels.csv} next to {@code images/} and {@code masks/}, one row
 * per glomerulus, {@code image,x,y,is_globally_sclerotic}, where (x, y) is any pixel of the glomerulus in its mask.
 * A tile with rows must have a row for each of its glomeruli; a tile without rows has no classes.
 */
public final class TileClassLabels {
    /** The label file of a tiles dataset. */
    public static final String LABELS = "labels.csv";

    private static final List<String> COLUMNS = List.of("image", "x", "y", "is_globally_sclerotic");

    /** One labelled point. */
    private record Point(double x, double y, boolean sclerosed, int lineNo) {
    }

    private final Path file;
    private final Map<String, List<Point>> byImage;

    private TileClassLabels(Path file, Map<String, List<Point>> byImage) {
        this.file = file;
        this.byImage = byImage;
    }

    /**
     * Reads {@code dir/labels.csv}; a dataset without one has no classes.
     *
     * @throws DatasetException naming labels.csv and the line of a malformed row
     */
    public static TileClassLabels read(Path dir) throws DatasetException {
        Path labels = dir.resolve(LABELS);
        Map<String, List<Point>> byImage = new TreeMap<>();
        if (!Files.isRegularFile(labels)) {
            return new TileClassLabels(labels, byImage);
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
        List<String> header = CsvLine.split(CropDataset.stripBom(lines.get(0)), labels, 1);
        int[] column = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            column[c] = header.indexOf(COLUMNS.get(c));
            if (column[c] < 0) {
                throw new DatasetException(labels, "header has no column '" + COLUMNS.get(c) + "'; expected "
                        + String.join(",", COLUMNS));
            }
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> f = CsvLine.split(lines.get(i), labels, lineNo);
            if (f.size() != header.size()) {
                throw new DatasetException(labels, "line " + lineNo + " has " + f.size() + " fields, the header "
                        + header.size());
            }
            Point p = new Point(coordinate(f.get(column[1]), labels, lineNo), coordinate(f.get(column[2]), labels,
                    lineNo), CropDataset.flag(f.get(column[3]), labels, lineNo), lineNo);
            byImage.computeIfAbsent(f.get(column[0]), k -> new ArrayList<>()).add(p);
        }
        return new TileClassLabels(labels, byImage);
    }

    /**
     * The classes of one tile's glomeruli, in the ground truth's order, or null when the tile has no rows.
     *
     * @throws DatasetException if a row's point lies on no glomerulus or a glomerulus has no row
     */
    public List<Boolean> sclerosed(String image, TileGroundTruth truth) throws DatasetException {
        List<Point> points = byImage.get(image);
        if (points == null) {
            return null;
        }
        List<MaskComponent> glomeruli = truth.glomeruli();
        Boolean[] flags = new Boolean[glomeruli.size()];
        for (Point p : points) {
            int hit = -1;
            for (int g = 0; g < glomeruli.size() && hit < 0; g++) {
                if (glomeruli.get(g).contains(p.x(), p.y())) {
                    hit = g;
                }
            }
            boolean onFragment = truth.ignoreRegions().stream().anyMatch(c -> c.contains(p.x(), p.y()));
            if (hit < 0 && !onFragment) {
                throw new DatasetException(file, "line " + p.lineNo() + ": (" + p.x() + ", " + p.y()
                        + ") lies on no glomerulus of masks/" + image);
            }
            if (hit >= 0) {
                flags[hit] = p.sclerosed();
            }
        }
        for (int g = 0; g < flags.length; g++) {
            if (flags[g] == null) {
                MaskComponent c = glomeruli.get(g);
                throw new DatasetException(file, image + ": the glomerulus at (" + Math.round(c.centroidX()) + ", "
                        + Math.round(c.centroidY()) + ") has no row");
            }
        }
        return List.of(flags);
    }

    private static double coordinate(String value, Path labels, int lineNo) throws DatasetException {
        try {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(labels, "line " + lineNo + ": x and y must be pixel coordinates, got '" + value
                + "'");
    }
}
