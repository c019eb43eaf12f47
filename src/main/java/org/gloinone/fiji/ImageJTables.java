package org.gloinone.fiji;

import java.util.List;

import ij.measure.ResultsTable;

import org.gloinone.io.ResultSchema;
import org.gloinone.pipeline.SlideResult;

/**
 * The two tables Fiji shows, {@value #GLOMERULI} (one row per glomerulus) and {@value #SUMMARY} (one row per
 * slide), filled from the files' schema {@link ResultSchema}: the same columns, numbers as numbers (NaN when
 * unknown) and text as strings.
 */
public final class ImageJTables {
    /** Title of the per-glomerulus table. */
    public static final String GLOMERULI = "Glo-In-One Glomeruli";
    /** Title of the per-slide table. */
    public static final String SUMMARY = "Glo-In-One Summary";

    private ImageJTables() {
    }

    /** The per-glomerulus rows of {@link ResultSchema#glomeruli}. */
    public static ResultsTable glomeruli(SlideResult result) {
        return append(new ResultsTable(), ResultSchema.glomeruli(result));
    }

    /** Appends the slide's row of {@link ResultSchema#summary(SlideResult)} to {@code table}; earlier rows stay. */
    public static ResultsTable appendSummary(ResultsTable table, SlideResult result) {
        return append(table, ResultSchema.summary(result));
    }

    /** A new summary table holding this slide's row. */
    public static ResultsTable summary(SlideResult result) {
        return appendSummary(new ResultsTable(), result);
    }

    private static ResultsTable append(ResultsTable table, ResultSchema.Table rows) {
        for (List<ResultSchema.Cell> row : rows.rows()) {
            table.incrementCounter();
            for (int i = 0; i < row.size(); i++) {
                ResultSchema.Cell cell = row.get(i);
                if (cell.isNumber()) {
                    table.addValue(rows.header().get(i), cell.number());
                } else {
                    table.addValue(rows.header().get(i), cell.text());
                }
            }
        }
        return table;
    }
}
