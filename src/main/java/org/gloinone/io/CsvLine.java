package org.gloinone.io;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields quoted only when they hold a comma, quote, CR or LF; quotes doubled; CRLF-free ("\n") lines. */
public final class CsvLine {
    private CsvLine() {
    }

    /** One line of {@code fields}, ending in "\n". */
    public static String of(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(fields.get(i)));
        }
        return b.append('\n').toString();
    }

    /** A field as written: quoted when it holds a comma, quote or line break. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * The fields of one line (fields optionally in double quotes, "" for a quote; unquoted fields trimmed).
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields;
    }

    /**
     * The records of CSV {@code text}, each a list of fields; quoted fields may hold commas, quotes and line
     * breaks. A final line break does not start an empty record.
     *
     * @throws IllegalArgumentException if a quoted field is not closed
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV text ends inside a quoted field");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
