package org.gloinone.eval;

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
        for (LabelRows.Row row : LabelRows.read(labels, COLUMNS)) {
            List<String> f = row.values();
            int lineNo = row.lineNo();
            Point p = new Point(coordinate(f.get(1), labels, lineNo), coordinate(f.get(2), labels, lineNo),
                    LabelRows.flag(f.get(3), labels, lineNo), lineNo);
            byImage.computeIfAbsent(f.get(0), k -> new ArrayList<>()).add(p);
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
