package org.gloinone.slide.tiff;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a TIFF says its pixel size: the OME-XML {@code Pixels} element (with units) or the TIFF
 * resolution tags. Only explicit statements count; nothing is guessed.
 */
final class PixelSizeSources {
    /** Resolution tags coarser than this are placeholders (72 dpi is 353 µm/px), not scanner calibrations. */
    static final double MAX_PLAUSIBLE_MICRONS = 100;

    private static final Pattern PIXELS = Pattern.compile("<(?:\\w+:)?Pixels\\b[^>]*>");
    private static final Pattern OBJECTIVE = Pattern.compile("<(?:\\w+:)?Objective\\b[^>]*>");
    private static final Map<String, Double> MICRONS_PER_UNIT = Map.of(
            "\u00b5m", 1.0, "\u03bcm", 1.0, "um", 1.0, "nm", 1e-3, "pm", 1e-6, "\u00c5", 1e-4,
            "mm", 1e3, "cm", 1e4, "m", 1e6);

    private PixelSizeSources() {
    }

    /** µm per pixel along {@code axis} ("X" or "Y") from OME-XML, or empty. */
    static OptionalDouble omeMicrons(String xml, String axis) {
        Matcher m = PIXELS.matcher(xml);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        String element = m.group();
        String value = attribute(element, "PhysicalSize" + axis);
        if (value == null) {
            return OptionalDouble.empty();
        }
        String unit = attribute(element, "PhysicalSize" + axis + "Unit");
        Double factor = MICRONS_PER_UNIT.get(unit == null ? "\u00b5m" : unit);
        double size = parse(value);
        return factor == null || !(size > 0) ? OptionalDouble.empty() : OptionalDouble.of(size * factor);
    }

    /** The objective's nominal magnification from OME-XML, or empty. */
    static OptionalDouble omeMagnification(String xml) {
        Matcher m = OBJECTIVE.matcher(xml);
        while (m.find()) {
            String v = attribute(m.group(), "NominalMagnification");
            if (v != null && parse(v) > 0) {
                return OptionalDouble.of(parse(v));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * µm per pixel from a resolution tag (pixels per unit) with ResolutionUnit centimetre (3), or empty when the
     * unit is inch (2: dots per inch are a print setting, not a pixel size), absent or none, or the value is a
     * placeholder.
     */
    static OptionalDouble resolutionMicrons(double pixelsPerUnit, long unit) {
        double micronsPerUnit = unit == 3 ? 1e4 : Double.NaN;
        double mpp = micronsPerUnit / pixelsPerUnit;
        return mpp > 0 && mpp <= MAX_PLAUSIBLE_MICRONS && Double.isFinite(mpp)
                ? OptionalDouble.of(mpp) : OptionalDouble.empty();
    }

    private static String attribute(String element, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(element);
        return m.find() ? m.group(1).trim() : null;
    }

    static double parse(String s) {
        try {
            return Double.parseDouble(s.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
