package org.gloinone.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for result files: always '.' as decimal separator whatever the locale,
 * a fixed number of decimals (rounding the shortest decimal form of the double, half up) with
 * trailing zeros dropped, and an empty string for unknown (NaN) values, so that files are
 * byte-identical on every machine.
 */
public final class Numbers {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Numbers() {
    }

    /**
     * @param value    the number; NaN or infinite gives ""
     * @param decimals the most decimals to keep (half-up rounding of the value's shortest decimal form)
     */
    public static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (decimals >= 0 && decimals < POWERS.length && Math.abs(value) < 1e9) {
            // Fast path for the millions of vertex coordinates; near a rounding tie the binary product can
            // land on the wrong side, so ties go to the exact decimal path below.
            double scaled = value * POWERS[decimals];
            double fraction = Math.abs(scaled - Math.floor(scaled));
            if (Math.abs(fraction - 0.5) > 1e-6) {
                return fixed(Math.round(scaled), decimals);
            }
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** {@code scaled / 10^decimals} written with trailing zeros dropped. */
    private static String fixed(long scaled, int decimals) {
        if (scaled == 0) {
            return "0";
        }
        long power = POWERS[decimals];
        long abs = Math.abs(scaled);
        StringBuilder b = new StringBuilder(24);
        if (scaled < 0) {
            b.append('-');
        }
        b.append(abs / power);
        long fraction = abs % power;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            String f = Long.toString(fraction);
            b.append('.');
            for (int i = f.length(); i < digits; i++) {
                b.append('0');
            }
            b.append(f);
        }
        return b.toString();
    }
}
