package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV as the result tables write it, read back. */
class CsvLineTest {
    @Test
    void whatIsWrittenIsReadBack() {
        List<String> awkward = List.of("a, b.svs", "say \"hi\"", "two\nlines", "", "plain");
        String text = CsvLine.of(List.of("slide", "x")) + CsvLine.of(awkward) + CsvLine.of(List.of("", ""));
        assertEquals(List.of(List.of("slide", "x"), awkward, List.of("", "")), CsvLine.parse(text));
    }

    @Test
    void crlfAndAMissingLastLineBreakAreRead() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), CsvLine.parse("a,b\r\n1,2"));
    }

    @Test
    void anOpenQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvLine.parse("a,\"b\n"));
    }

    @Test
    void aHandWrittenLineHasItsUnquotedFieldsTrimmed() {
        assertEquals(List.of("a.png", " b ", "1"), CsvLine.split(" a.png ,\" b \", 1"));
        assertEquals(List.of(""), CsvLine.split(""));
        assertThrows(IllegalArgumentException.class, () -> CsvLine.split("a,\"b"));
    }
}
