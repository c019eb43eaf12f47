package org.gloinone.fiji;

import java.util.Map;

import ij.measure.ResultsTable;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Morphometry;

/**
 * The two tables Fiji shows (the files use {@link org.gloinone.io.ResultTables}): {@value #GLOMERULI} (one row
 * per glomerulus) and {@value #SUMMARY} (one row per slide). Column names are ASCII so they survive CSV round trips and macro {@code Table.get} calls.
 */
public final class ImageJTables {
    /** Title of the per-glomerulus table. */
    public static final String GLOMERULI = "Glo-In-One Glomeruli";
    /** Title of the per-slide table. */
    public static final String SUMMARY = "Glo-In-One Summary";

    private ImageJTables() {
    }

    /**
     * Per-glomerulus rows: Slide, ID, Class, Score (detector), Confidence (classifier, NaN when not classified),
     * X, Y, Radius (level-0 pixels), Diameter_um, one P_&lt;class&gt; per class when classified, and the mask
     * measurements Area_um2, Perimeter_um, EqDiameter_um, Circularity, Solidity when segmented.
     */
    public static ResultsTable glomeruli(SlideResult result) {
        ResultsTable t = new ResultsTable();
        double mpp = result.slide().micronsPerPixel().orElse(Double.NaN);
        for (GlomerulusResult g : result.glomeruli()) {
            t.incrementCounter();
            Circle c = g.detection().circle();
            t.addValue("Slide", result.slide().name());
            t.addValue("ID", g.id());
            t.addValue("Class", g.className());
            t.addValue("Score", g.detection().score());
            t.addValue("Confidence", g.classification().map(k -> k.confidence()).orElse(Double.NaN));
            t.addValue("X", c.centerX());
            t.addValue("Y", c.centerY());
            t.addValue("Radius", c.radius());
            t.addValue("Diameter_um", 2 * c.radius() * mpp);
            g.classification().ifPresent(k -> {
                for (String name : k.classNames()) {
                    t.addValue("P_" + name, k.probabilityOf(name));
                }
            });
            if (g.morphometry().isPresent()) {
                Morphometry m = g.morphometry().get();
                t.addValue("Area_um2", m.areaMicrons2());
                t.addValue("Perimeter_um", m.perimeterMicrons());
                t.addValue("EqDiameter_um", m.equivalentDiameterMicrons());
                t.addValue("Circularity", m.circularity());
                t.addValue("Solidity", m.solidity());
            }
        }
        return t;
    }

    /**
     * Appends the slide's row to {@code table}: Slide, Glomeruli, N_&lt;class&gt; per class, Sclerosed,
     * Percent_sclerosed, Rejected, Tissue_mm2, Glomeruli_per_mm2, Tiles, Tiles_skipped and the stage times in ms.
     * Earlier rows (other slides) stay.
     */
    public static ResultsTable appendSummary(ResultsTable table, SlideResult result) {
        table.incrementCounter();
        table.addValue("Slide", result.slide().name());
        table.addValue("Glomeruli", result.glomeruli().size());
        for (Map.Entry<String, Integer> e : result.countsByClass().entrySet()) {
            table.addValue("N_" + e.getKey(), e.getValue());
        }
        table.addValue("Sclerosed", result.sclerosedCount());
        table.addValue("Percent_sclerosed", result.percentSclerosed());
        table.addValue("Rejected", result.rejected().size());
        table.addValue("Tissue_mm2", result.tissueAreaMm2());
        table.addValue("Glomeruli_per_mm2", result.glomeruliPerMm2());
        table.addValue("Tiles", result.tilesPlanned());
        table.addValue("Tiles_skipped", result.tilesSkipped());
        table.addValue("Detect_ms", result.timings().detectMillis());
        table.addValue("Classify_ms", result.timings().classifyMillis());
        table.addValue("Segment_ms", result.timings().segmentMillis());
        table.addValue("Total_ms", result.timings().totalMillis());
        return table;
    }

    /** A new summary table holding this slide's row. */
    public static ResultsTable summary(SlideResult result) {
        return appendSummary(new ResultsTable(), result);
    }
}
