package org.gloinone.slide.bioformats;

/**
 * A test-scope stand-in for {@code loci.formats.MetadataTools}: its static {@code createOMEXMLMetadata()}
 * returns a store with the getters the adapter calls, answering the OME-style {@code Length} objects
 * ({@code value()}, {@code unit().getSymbol()}).
 */
public final class StandInMetadataTools {
    private StandInMetadataTools() {
    }

    public static Metadata createOMEXMLMetadata() {
        return new Metadata();
    }

    /** The store, filled by the reader's setId as Bio-Formats does. */
    public static final class Metadata {
        private int series = -1;
        private double size;
        private String unit;
        private Double magnification;

        void fill(int series, double size, String unit, Double magnification) {
            this.series = series;
            this.size = size;
            this.unit = unit;
            this.magnification = magnification;
        }

        public Length getPixelsPhysicalSizeX(int imageIndex) {
            return imageIndex == series ? new Length(size, unit) : null;
        }

        public Length getPixelsPhysicalSizeY(int imageIndex) {
            return imageIndex == series ? new Length(size, unit) : null;
        }

        public Double getObjectiveNominalMagnification(int instrument, int objective) {
            return magnification;
        }
    }

    /** Like {@code ome.units.quantity.Length}. */
    public static final class Length {
        private final double value;
        private final String symbol;

        Length(double value, String symbol) {
            this.value = value;
            this.symbol = symbol;
        }

        public Number value() {
            return value;
        }

        public Unit unit() {
            return new Unit(symbol);
        }
    }

    /** Like {@code ome.units.unit.Unit}. */
    public static final class Unit {
        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String getSymbol() {
            return symbol;
        }
    }
}
