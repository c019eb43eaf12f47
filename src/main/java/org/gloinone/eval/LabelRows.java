package org.gloinone.eval;

import org.gloinone.io.CsvLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a label CSV file: a header naming at least the wanted columns (any order, extra columns allowed),
 * then one row per item; blank lines are skipped, a leading byte-order mark is dropped.
 */
final class LabelRows {
    /** One row: its line number (1-based, for messages) and the wanted columns' values, in the wanted order. */
    record Row(int lineNo, List<String> values) {
    }

    private LabelRows() {
    }

    /**
     * Reads the rows.
     *
     * @throws DatasetException naming the file (and the line) when it cannot be read, lacks a column, or a row has
     *                          another number of fields than the header
     */
    static List<Row> read(Path file, List<String> columns) throws DatasetException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new DatasetException(file, "is empty; expected the header " + String.join(",", columns));
        }
        List<String> header = fields(stripBom(lines.get(0)), file, 1);
        int[] column = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            column[c] = header.indexOf(columns.get(c));
            if (column[c] < 0) {
                throw new DatasetException(file, "header has no column '" + columns.get(c) + "'; expected "
                        + String.join(",", columns));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> f = fields(lines.get(i), file, lineNo);
            if (f.size() != header.size()) {
                throw new DatasetException(file, "line " + lineNo + " has " + f.size() + " fields, the header "
                        + header.size());
            }
            List<String> values = new ArrayList<>(columns.size());
            for (int c : column) {
                values.add(f.get(c));
            }
            rows.add(new Row(lineNo, values));
        }
        return rows;
    }

    /** Reads an {@code is_globally_sclerotic} value: 1/0 or true/false. */
    static boolean flag(String value, Path file, int lineNo) throws DatasetException {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new DatasetException(file, "line " + lineNo
                    + ": is_globally_sclerotic must be 1 or 0, got '" + value + "'");
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
