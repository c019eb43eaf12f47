package org.gloinone.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Morphometry;

/**
 * The one schema of the two results tables, as data ({@link Table}: column names and cells): the per-glomerulus
 * table (one row per glomerulus) and the summary (one row per slide). {@link ResultTables} writes them as the files
 * {@code <slide>-glomeruli.csv} and {@code summary.csv}; Fiji fills its on-screen tables from the same data. It
 * needs only the result types, so both sides of Fiji's engine boundary share it.
 */
public final class ResultSchema {
    /** The summary column, and the run manifest's count key, of detections the classifier rejected. */
    public static final String REJECTED = "rejected";

    private ResultSchema() {
    }

    /**
     * One cell: text, or a number (NaN when unknown) written with at most {@code decimals} decimals.
     *
     * @param text     the text, or null for a number
     * @param number   the number (NaN for text)
     * @param decimals the most decimals a file keeps of the number
     */
    public record Cell(String text, double number, int decimals) {
        /** A text cell. */
        static Cell text(String text) {
            return new Cell(text, Double.NaN, 0);
        }

        /** A number cell (NaN when unknown). */
        static Cell number(double number, int decimals) {
            return new Cell(null, number, decimals);
        }

        /** Whether this cell holds a number (possibly unknown), not text. */
        public boolean isNumber() {
            return text == null;
        }

        /** The cell as a file writes it: the text, or the rounded number, "" when unknown. */
        public String written() {
            return isNumber() ? Numbers.format(number, decimals) : text;
        }
    }

    /**
     * A table: column names and rows with one cell per column.
     *
     * @param header the column names (ASCII snake_case, so they survive CSV round trips and macro calls)
     * @param rows   the rows
     */
    public record Table(List<String> header, List<List<Cell>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** The table as CSV text, header first. */
        public String csv() {
            StringBuilder b = new StringBuilder(CsvLine.of(header));
            for (List<Cell> row : rows) {
                b.append(CsvLine.of(row.stream().map(Cell::written).toList()));
            }
            return b.toString();
        }
    }

    /**
     * The per-glomerulus table: slide, id, class, one p_&lt;class&gt; per classifier class (only when the slide
     * was classified), detector score, centre and radius in level-0 pixels and in um, and the mask's morphometry.
     */
    public static Table glomeruli(SlideResult result) {
        List<String> probabilityClasses = probabilityClasses(result);
        List<String> header = new ArrayList<>(List.of("slide", "id", "class"));
        probabilityClasses.forEach(c -> header.add("p_" + c));
        header.addAll(List.of("score", "center_x_px", "center_y_px", "center_x_um", "center_y_um", "radius_px",
                "radius_um", "area_um2", "perimeter_um", "equivalent_diameter_um", "circularity", "solidity"));
        double mpp = result.slide().micronsPerPixel().orElse(Double.NaN);
        List<List<Cell>> rows = new ArrayList<>();
        for (GlomerulusResult g : result.glomeruli()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(result.slide().name()));
            row.add(Cell.text(ResultNames.label(g.id())));
            row.add(Cell.text(g.className()));
            for (String c : probabilityClasses) {
                row.add(Cell.number(g.classification().filter(k -> k.classNames().contains(c))
                        .map(k -> k.probabilityOf(c)).orElse(Double.NaN), 4));
            }
            Circle circle = g.detection().circle();
            row.add(Cell.number(g.detection().score(), 4));
            row.add(Cell.number(circle.centerX(), 2));
            row.add(Cell.number(circle.centerY(), 2));
            row.add(Cell.number(circle.centerX() * mpp, 2));
            row.add(Cell.number(circle.centerY() * mpp, 2));
            row.add(Cell.number(circle.radius(), 2));
            row.add(Cell.number(circle.radius() * mpp, 2));
            Morphometry m = g.morphometry().orElse(null);
            row.add(Cell.number(m == null ? Double.NaN : m.areaMicrons2(), 2));
            row.add(Cell.number(m == null ? Double.NaN : m.perimeterMicrons(), 2));
            row.add(Cell.number(m == null ? Double.NaN : m.equivalentDiameterMicrons(), 2));
            row.add(Cell.number(m == null ? Double.NaN : m.circularity(), 4));
            row.add(Cell.number(m == null ? Double.NaN : m.solidity(), 4));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /**
     * What a summary row is made of, whether it comes from a slide folder's run manifest or from a result.
     *
     * @param slide       the slide's file name
     * @param folder      its slide folder's name
     * @param glomeruli   accepted glomeruli
     * @param classNames  the glomerulus classes of the slide's model
     * @param counts      glomeruli per class, plus {@value #REJECTED}
     * @param sclerosed   the classes counted as globally sclerosed
     * @param tissueMm2   tissue area in mm^2; NaN when unknown
     * @param totalMillis the run's wall time
     */
    public record SlideCounts(String slide, String folder, int glomeruli, List<String> classNames,
                              Map<String, Integer> counts, Set<String> sclerosed, double tissueMm2,
                              long totalMillis) {
    }

    /**
     * The summary row of a result not (yet) in a slide folder, with the slide name as its folder (slide folders
     * are named after the slide file). Built from the result alone: Fiji shows it without the run manifest's
     * file format.
     */
    public static Table summary(SlideResult result) {
        Map<String, Integer> counts = new LinkedHashMap<>(result.countsByClass());
        counts.put(REJECTED, result.rejected().size());
        return summary(List.of(new SlideCounts(result.slide().name(), result.slide().name(),
                result.glomeruli().size(), result.classNames(), counts, result.sclerosedClasses(),
                result.tissueAreaMm2(), result.timings().totalMillis())));
    }

    /**
     * The summary of the given slides, in the given order: slide, folder, glomeruli, n_&lt;class&gt; (empty for a
     * class the slide's model lacks), rejected detections, percent globally sclerosed, glomeruli per mm^2 of
     * tissue, tissue area, runtime.
     */
    public static Table summary(List<SlideCounts> slides) {
        Set<String> classes = new LinkedHashSet<>();
        slides.forEach(s -> classes.addAll(s.classNames()));
        List<String> header = new ArrayList<>(List.of("slide", "folder", "glomeruli"));
        classes.forEach(c -> header.add("n_" + c));
        header.add(REJECTED);
        header.addAll(List.of("percent_globally_sclerosed", "glomeruli_per_mm2", "tissue_mm2", "runtime_s"));
        List<List<Cell>> rows = new ArrayList<>();
        for (SlideCounts s : slides) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(s.slide()));
            row.add(Cell.text(s.folder()));
            row.add(Cell.number(s.glomeruli(), 0));
            // A class the slide's model does not have is unknown for that slide, not zero.
            classes.forEach(c -> row.add(Cell.number(s.classNames().contains(c)
                    ? s.counts().getOrDefault(c, 0) : Double.NaN, 0)));
            row.add(Cell.number(s.counts().getOrDefault(REJECTED, 0), 0));
            boolean classified = !s.sclerosed().isEmpty() && s.glomeruli() > 0;
            int sclerosed = s.sclerosed().stream().mapToInt(c -> s.counts().getOrDefault(c, 0)).sum();
            row.add(Cell.number(classified ? 100.0 * sclerosed / s.glomeruli() : Double.NaN, 2));
            double tissue = s.tissueMm2();
            row.add(Cell.number(tissue > 0 ? s.glomeruli() / tissue : Double.NaN, 3));
            row.add(Cell.number(tissue, 3));
            row.add(Cell.number(s.totalMillis() / 1000.0, 1));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** The classifier's classes (glomerular ones first, then e.g. non-glomerular), in model order. */
    private static List<String> probabilityClasses(SlideResult result) {
        Set<String> classes = new LinkedHashSet<>();
        for (GlomerulusResult g : result.glomeruli()) {
            g.classification().ifPresent(c -> classes.addAll(c.classNames()));
        }
        return new ArrayList<>(classes);
    }
}
