package org.gloinone.io;

import java.util.List;

/** RFC 4180 CSV: fields quoted only when they hold a comma, quote, CR or LF; quotes doubled; CRLF-free ("\n") lines. */
final class CsvLine {
    private CsvLine() {
    }

    /** One line of {@code fields}, ending in "\n". */
    static String of(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(fields.get(i)));
        }
        return b.append('\n').toString();
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
