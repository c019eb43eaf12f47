package org.gloinone.slide.tiff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The key-value pairs of an Aperio ImageDescription:
 * {@code "Aperio Image Library v11.2.1\r\n46000x32914 ... JPEG/RGB Q=30|AppMag = 20|MPP = 0.4990|..."}.
 */
final class AperioDescription {
    private final Map<String, String> values = new LinkedHashMap<>();

    private AperioDescription(String description) {
        String[] parts = description.split("\\|");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim());
            }
        }
    }

    /** Whether a description was written by Aperio software. */
    static boolean isAperio(String description) {
        return description.startsWith("Aperio");
    }

    static AperioDescription parse(String description) {
        return new AperioDescription(description);
    }

    /** A positive number under {@code key}, or empty. */
    OptionalDouble positive(String key) {
        String v = values.get(key);
        double d = v == null ? Double.NaN : PixelSizeSources.parse(v);
        return d > 0 && Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    /** The name of an associated image from its description's second line ("label ...", "macro ..."). */
    static String associatedName(String description) {
        String[] lines = description.split("\\r?\\n");
        if (lines.length > 1) {
            String second = lines[1].trim();
            if (second.startsWith("label")) {
                return "label";
            }
            if (second.startsWith("macro")) {
                return "macro";
            }
        }
        return null;
    }
}
