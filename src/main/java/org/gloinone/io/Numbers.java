package org.gloinone.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for result files: always '.' as decimal separator whatever the locale,
 * a fixed number of decimals (rounding the shortest decimal form of the double, half up) with
 * trailing zeros dropped, and an empty string for unknown (NaN)
 * values, so that files are byte-identical on every machine.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * @param value    the number; NaN or infinite gives ""
     * @param decimals the most decimals to keep (half-up rounding)
     */
    public static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
