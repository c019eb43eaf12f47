package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Morphometry;

/**
 * The spreadsheets: {@code <slide>-glomeruli.csv} (one row per glomerulus) and {@code summary.csv}
 * (one row per slide of a run). UTF-8, comma-separated, RFC 4180 quoting, '.' as decimal separator in
 * every locale, and an empty cell for every unknown value (e.g. um when the slide's um/px is unknown,
 * morphometry of an unsegmented glomerulus).
 */
public final class ResultTables {
    private ResultTables() {
    }

    /** Writes the per-glomerulus table of {@code result} to {@code file} (atomically). */
    public static void writeGlomeruli(SlideResult result, Path file) throws IOException {
        AtomicFiles.writeString(file, glomeruliTable(result));
    }

    /** Writes the run summary, one row per result in the given order, to {@code file} (atomically). */
    public static void writeSummary(List<SlideResult> results, Path file) throws IOException {
        AtomicFiles.writeString(file, summaryTable(results));
    }

    /** The per-glomerulus table as text. */
    public static String glomeruliTable(SlideResult result) {
        List<String> probabilityClasses = probabilityClasses(result);
        List<String> header = new ArrayList<>(List.of("id", "class"));
        probabilityClasses.forEach(c -> header.add("p_" + c));
        header.addAll(List.of("score", "center_x_px", "center_y_px", "center_x_um", "center_y_um", "radius_px",
                "radius_um", "area_um2", "perimeter_um", "equivalent_diameter_um", "circularity", "solidity"));
        StringBuilder b = new StringBuilder(CsvLine.of(header));
        OptionalDouble mpp = result.slide().micronsPerPixel();
        for (GlomerulusResult g : result.glomeruli()) {
            List<String> row = new ArrayList<>();
            row.add(ResultNames.label(g.id()));
            row.add(g.className());
            for (String c : probabilityClasses) {
                row.add(g.classification().map(k -> k.classNames().contains(c)
                        ? Numbers.format(k.probabilityOf(c), 4) : "").orElse(""));
            }
            Circle circle = g.detection().circle();
            row.add(Numbers.format(g.detection().score(), 4));
            row.add(Numbers.format(circle.centerX(), 2));
            row.add(Numbers.format(circle.centerY(), 2));
            row.add(microns(circle.centerX(), mpp));
            row.add(microns(circle.centerY(), mpp));
            row.add(Numbers.format(circle.radius(), 2));
            row.add(microns(circle.radius(), mpp));
            Morphometry m = g.morphometry().orElse(null);
            row.add(m == null ? "" : Numbers.format(m.areaMicrons2(), 2));
            row.add(m == null ? "" : Numbers.format(m.perimeterMicrons(), 2));
            row.add(m == null ? "" : Numbers.format(m.equivalentDiameterMicrons(), 2));
            row.add(m == null ? "" : Numbers.format(m.circularity(), 4));
            row.add(m == null ? "" : Numbers.format(m.solidity(), 4));
            b.append(CsvLine.of(row));
        }
        return b.toString();
    }

    /** The run summary as text. */
    public static String summaryTable(List<SlideResult> results) {
        Set<String> classes = new LinkedHashSet<>();
        results.forEach(r -> classes.addAll(r.classNames()));
        List<String> header = new ArrayList<>(List.of("slide", "glomeruli"));
        classes.forEach(c -> header.add("n_" + c));
        header.addAll(List.of("percent_globally_sclerosed", "glomeruli_per_mm2", "tissue_mm2", "runtime_s"));
        StringBuilder b = new StringBuilder(CsvLine.of(header));
        for (SlideResult r : results) {
            List<String> row = new ArrayList<>();
            row.add(r.slide().name());
            row.add(Integer.toString(r.glomeruli().size()));
            var counts = r.countsByClass();
            // A class the slide's model does not have is unknown for that slide, not zero.
            classes.forEach(c -> row.add(r.classNames().contains(c) ? Integer.toString(counts.getOrDefault(c, 0)) : ""));
            boolean classified = !r.sclerosedClasses().isEmpty();
            row.add(classified ? Numbers.format(r.percentSclerosed(), 2) : "");
            row.add(Numbers.format(r.glomeruliPerMm2(), 3));
            row.add(Numbers.format(r.tissueAreaMm2(), 3));
            row.add(Numbers.format(r.timings().totalMillis() / 1000.0, 1));
            b.append(CsvLine.of(row));
        }
        return b.toString();
    }

    private static String microns(double px, OptionalDouble mpp) {
        return mpp.isPresent() ? Numbers.format(px * mpp.getAsDouble(), 2) : "";
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
