package org.gloinone.fiji;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The result files a run can write. */
public enum ResultFormat {
    /** Aperio ImageScope annotations. */
    XML,
    /** QuPath-compatible GeoJSON. */
    GEOJSON,
    /** Per-glomerulus and per-slide CSV tables. */
    CSV,
    /** ImageJ ROI set (RoiSet.zip). */
    ROISET;

    /** The lower-case word used in dialogs and macros. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma- or space-separated list such as {@code "xml,csv"}; empty text means no files.
     *
     * @throws IllegalArgumentException naming the unknown word
     */
    public static Set<ResultFormat> parseList(String text) {
        Set<ResultFormat> formats = EnumSet.noneOf(ResultFormat.class);
        for (String word : text.trim().split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                formats.add(valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("formats must be a list of xml, geojson, csv, roiset; got '"
                        + word + "'", e);
            }
        }
        return formats;
    }

    /** The list as parsed by {@link #parseList}, in declaration order, e.g. {@code "xml,csv"}. */
    public static String toList(Set<ResultFormat> formats) {
        StringBuilder s = new StringBuilder();
        for (ResultFormat f : values()) {
            if (formats.contains(f)) {
                s.append(s.length() == 0 ? "" : ",").append(f.word());
            }
        }
        return s.toString();
    }
}
