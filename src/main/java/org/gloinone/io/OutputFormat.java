package org.gloinone.io;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The per-slide result files, with the one set of words the command line ({@code --formats}), Fiji's dialogs,
 * macros and SciJava commands use. {@code run.json} is no format: every slide folder has it.
 */
public enum OutputFormat {
    /** {@code <slide>.xml} (circles as ImageScope ellipses, one layer per class) and {@code <slide>-masks.xml}. */
    XML,
    /** {@code <slide>.geojson}: features for QuPath. */
    GEOJSON,
    /** {@code <slide>-glomeruli.csv}: one row per glomerulus. */
    CSV,
    /** {@code <slide>-rois.zip}: an ImageJ ROI set (written by a {@link SlideFileWriter} the front door gives). */
    ROIS,
    /** {@code <slide>-overlay.png}: thumbnail with circles, outlines and legend. */
    OVERLAY;

    /** The lower-case word, e.g. {@code rois}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every word, for messages: {@code xml, geojson, csv, rois, overlay}. */
    public static String words() {
        return String.join(", ", EnumSet.allOf(OutputFormat.class).stream().map(OutputFormat::word).toList());
    }

    /**
     * Parses a comma- or space-separated list such as {@code "xml,csv"}; empty text means no files.
     *
     * @throws IllegalArgumentException naming the unknown word
     */
    public static Set<OutputFormat> parseList(String text) {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String word : text.trim().split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                formats.add(valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("formats must be a list of " + words() + "; got '" + word + "'", e);
            }
        }
        return formats;
    }

    /** The list as parsed by {@link #parseList}, in declaration order, e.g. {@code "xml,csv"}. */
    public static String toList(Set<OutputFormat> formats) {
        return String.join(",", EnumSet.allOf(OutputFormat.class).stream().filter(formats::contains)
                .map(OutputFormat::word).toList());
    }
}
