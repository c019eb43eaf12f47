package org.gloinone.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gloinone.job.SlideOutcome;
import org.gloinone.pipeline.SlideResult;

/** The table printed at the end of a run: per slide, glomeruli per class, % sclerosed and time. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(List<SlideOutcome> outcomes, PrintStream out) {
        Set<String> classes = new LinkedHashSet<>();
        outcomes.forEach(o -> o.result().ifPresent(r -> classes.addAll(r.classNames())));
        List<String> header = new ArrayList<>(List.of("slide", "status"));
        header.addAll(classes);
        header.addAll(List.of("total", "% sclerosed", "time"));
        List<List<String>> rows = new ArrayList<>();
        for (SlideOutcome o : outcomes) {
            List<String> row = new ArrayList<>(List.of(o.slide().getFileName().toString(),
                    o.status().name().toLowerCase(Locale.ROOT)));
            SlideResult r = o.result().orElse(null);
            for (String c : classes) {
                row.add(r == null ? "" : String.valueOf(r.countsByClass().getOrDefault(c, 0)));
            }
            row.add(r == null ? "" : String.valueOf(r.glomeruli().size()));
            row.add(r == null || Double.isNaN(r.percentSclerosed()) ? ""
                    : String.format(Locale.ROOT, "%.1f", r.percentSclerosed()));
            row.add(o.status() == SlideOutcome.Status.SKIPPED ? ""
                    : String.format(Locale.ROOT, "%.1fs", o.millis() / 1000.0));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(format(header, widths));
        for (List<String> row : rows) {
            out.println(format(row, widths));
        }
    }

    private static String format(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padded = i == 0 ? String.format("%-" + widths[i] + "s", cell)
                    : String.format("%" + widths[i] + "s", cell);
            sb.append(i == 0 ? "" : "  ").append(padded);
        }
        return sb.toString().stripTrailing();
    }
}
