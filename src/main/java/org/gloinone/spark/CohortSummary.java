package org.gloinone.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gloinone.io.CsvLine;

/**
 * The cohort's {@code summary.csv}, as {@code glo-in-one run} writes it for the slides done in a run: its rows
 * are the slide job's own summary rows, in input order, under their common header.
 */
final class CohortSummary {
    /** The prefix of a per-class count column. */
    static final String CLASS_COUNT = "n_";
    private CohortSummary() {
    }

    /** The summary of the slides done in this run, in input order; empty when none was done. */
    static Optional<String> of(List<SlideRecord> records) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> header = new LinkedHashSet<>();
        for (SlideRecord r : records) {
            Map<String, String> cells = cells(r);
            if (!cells.isEmpty()) {
                rows.add(cells);
                header.addAll(cells.keySet());
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = columnOrder(header);
        StringBuilder text = new StringBuilder(CsvLine.of(columns));
        for (Map<String, String> cells : rows) {
            // A column another slide's models have is unknown for this slide, not zero, as in glo-in-one run.
            text.append(CsvLine.of(columns.stream().map(c -> cells.getOrDefault(c, "")).toList()));
        }
        return Optional.of(text.toString());
    }

    /** Class counts ({@code n_...}) together after the leading columns, as one summary of several models has them. */
    static List<String> columnOrder(Set<String> columns) {
        List<String> ordered = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String c : columns) {
            if (ordered.size() < 2 && (c.equals("slide") || c.equals("glomeruli"))) {
                ordered.add(c);
            } else if (c.startsWith(CLASS_COUNT)) {
                ordered.add(c);
            } else {
                rest.add(c);
            }
        }
        ordered.addAll(rest);
        return ordered;
    }

    /** A slide's summary row by column, in column order; empty when it has none. */
    static Map<String, String> cells(SlideRecord record) {
        Map<String, String> cells = new LinkedHashMap<>();
        if (record.summaryCsv().isEmpty()) {
            return cells;
        }
        List<List<String>> table = CsvLine.parse(record.summaryCsv());
        List<String> header = table.get(0);
        List<String> row = table.get(1);
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), row.get(i));
        }
        return cells;
    }
}
