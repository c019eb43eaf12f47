package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Morphometry;

/**
 * The spreadsheets: {@code <slide>-glomeruli.csv} (one row per glomerulus) and {@code summary.csv}
 * (one row per complete slide folder of an output folder). UTF-8, comma-separated, RFC 4180 quoting, '.' as decimal separator in
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

    /** Writes the summary of the given slide folders (folder name to manifest) to {@code file} (atomically). */
    public static void writeSummary(SortedMap<String, RunManifest> folders, Path file) throws IOException {
        AtomicFiles.writeString(file, summaryTable(folders));
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

    /**
     * The summary as text: one row per slide folder in folder-name order, made from its run manifest only,
     * so it is the same whichever run wrote which folder.
     */
    public static String summaryTable(SortedMap<String, RunManifest> folders) {
        Set<String> classes = new LinkedHashSet<>();
        folders.values().forEach(m -> classes.addAll(m.classNames()));
        List<String> header = new ArrayList<>(List.of("slide", "folder", "glomeruli"));
        classes.forEach(c -> header.add("n_" + c));
        header.addAll(List.of("percent_globally_sclerosed", "glomeruli_per_mm2", "tissue_mm2", "runtime_s"));
        StringBuilder b = new StringBuilder(CsvLine.of(header));
        for (Map.Entry<String, RunManifest> e : folders.entrySet()) {
            RunManifest m = e.getValue();
            List<String> row = new ArrayList<>();
            row.add(m.slideName());
            row.add(e.getKey());
            row.add(Integer.toString(m.glomeruli()));
            // A class the slide's model does not have is unknown for that slide, not zero.
            classes.forEach(c -> row.add(m.classNames().contains(c)
                    ? Integer.toString(m.counts().getOrDefault(c, 0)) : ""));
            boolean classified = !m.sclerosedClasses().isEmpty() && m.glomeruli() > 0;
            row.add(classified ? Numbers.format(100.0 * m.countOf(Set.copyOf(m.sclerosedClasses())) / m.glomeruli(), 2)
                    : "");
            double tissue = m.tissueAreaMm2() == null ? Double.NaN : m.tissueAreaMm2();
            row.add(Numbers.format(tissue > 0 ? m.glomeruli() / tissue : Double.NaN, 3));
            row.add(Numbers.format(tissue, 3));
            row.add(Numbers.format(m.timings().totalMillis() / 1000.0, 1));
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
