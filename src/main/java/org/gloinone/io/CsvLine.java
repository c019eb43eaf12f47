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
     * The fields of one line, as {@link #parse} reads them but with unquoted fields trimmed (for tables people
     * write by hand).
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static List<String> split(String line) {
        List<List<String>> records = records(line, true);
        return records.isEmpty() ? List.of("") : records.get(0);
    }

    /**
     * The records of CSV {@code text}, each a list of fields; a field that starts with a double quote is quoted
     * ("" for a quote) and may hold commas, quotes and line breaks. A final line break does not start an empty
     * record.
     *
     * @throws IllegalArgumentException if a quoted field is not closed
     */
    public static List<List<String>> parse(String text) {
        return records(text, false);
    }

    private static List<List<String>> records(String text, boolean trimUnquoted) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
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
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                record.add(wasQuoted || !trimUnquoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    records.add(record);
                    record = new ArrayList<>();
                }
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (field.length() > 0 || wasQuoted || !record.isEmpty()) {
            record.add(wasQuoted || !trimUnquoted ? field.toString() : field.toString().trim());
            records.add(record);
        }
        return records;
    }
}
