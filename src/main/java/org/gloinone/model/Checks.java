package org.gloinone.model;

/** Validation of spec values; messages name the field, the value and the allowed range. */
final class Checks {
    private Checks() {
    }

    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    static void unitInterval(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
        }
    }
}
