package org.gloinone.slide.tiff;

/** TIFF field types and their sizes in bytes (TIFF 6.0 section 2, BigTIFF adds 16-18). */
final class TiffType {
    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int UNDEFINED = 7;
    static final int LONG8 = 16;
    static final int IFD8 = 18;

    private TiffType() {
    }

    /** Bytes per value of a type, or 0 for a type this reader does not know (such fields are skipped). */
    static int size(int type) {
        switch (type) {
            case 1: case 2: case 6: case 7:
                return 1;
            case 3: case 8:
                return 2;
            case 4: case 9: case 11: case 13:
                return 4;
            case 5: case 10: case 12: case 16: case 17: case 18:
                return 8;
            default:
                return 0;
        }
    }
}
