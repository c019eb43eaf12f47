package org.gloinone.cli;

/** A tile-id range written FIRST-LAST, as the kidney tiles are split (neighbouring ids are neighbouring tiles). */
final class IdRange {
    private IdRange() {
    }

    /**
     * Parses FIRST-LAST.
     *
     * @throws IllegalArgumentException "OPTION: expected FIRST-LAST, got VALUE" when it is not one
     */
    static int[] parse(String option, String value) {
        try {
            String[] p = value.split("-");
            int first = Integer.parseInt(p[0].strip());
            int last = Integer.parseInt(p[1].strip());
            if (p.length != 2 || last < first) {
                throw new IllegalArgumentException(value);
            }
            return new int[] {first, last};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": expected FIRST-LAST, got '" + value + "'", e);
        }
    }

    /** The word for "no tile": {@code --validation-tiles none} trains on every tile. */
    static final String NONE = "none";

    /**
     * Parses FIRST-LAST, or {@link #NONE}: a range no tile name reaches (ids have at most 9 digits; tiles cut from
     * annotated slides have negative ids).
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    static int[] parseOrNone(String option, String value) {
        return NONE.equalsIgnoreCase(value.strip()) ? new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}
                : parse(option, value);
    }

    /** True when a tile file name (its digits before the extension) is an id inside the range. */
    static boolean contains(int[] range, String tileName) {
        String base = tileName.replaceFirst("\\.[^.]*$", "");
        if (!base.matches("\\d{1,9}")) {
            return false;
        }
        int id = Integer.parseInt(base);
        return id >= range[0] && id <= range[1];
    }
}
