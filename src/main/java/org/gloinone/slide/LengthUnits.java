package org.gloinone.slide;

import java.util.Locale;

/** Converts the length units that image files and libraries write for pixel sizes into micrometres. */
public final class LengthUnits {
    private LengthUnits() {
    }

    /**
     * Micrometres per one {@code unit}: 1 for µm/um/micron, 1000 for mm, 0.001 for nm, 10000 for cm
     * only when {@code allowCentimetres}; 0 for anything else (pixels, inches, unknown), so that a
     * screen resolution is never taken for a microscope calibration.
     *
     * @param unit             the unit as written, e.g. {@code "µm"}, {@code "micron"}, {@code "mm"}
     * @param allowCentimetres whether {@code cm} counts (it does for OME metadata, not for TIFF/ImageJ defaults)
     */
    public static double micronsPer(String unit, boolean allowCentimetres) {
        if (unit == null) {
            return 0;
        }
        switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "µm": case "μm": case "um": case "micron": case "microns": case "micrometer":
            case "micrometre": case "micrometers": case "micrometres":
                return 1;
            case "mm": case "millimeter": case "millimetre": case "millimeters": case "millimetres":
                return 1000;
            case "nm": case "nanometer": case "nanometre": case "nanometers": case "nanometres":
                return 1e-3;
            case "cm": case "centimeter": case "centimetre": case "centimeters": case "centimetres":
                return allowCentimetres ? 1e4 : 0;
            default:
                return 0;
        }
    }
}
