package org.gloinone.slide.tiff;

/** TIFF predictor 2 (horizontal differencing, TIFF 6.0 section 14) for 8-bit chunky samples. */
final class HorizontalPredictor {
    private HorizontalPredictor() {
    }

    /** Turns differences back into samples, row by row. */
    static void undo(byte[] data, int width, int rows, int samplesPerPixel) {
        int rowBytes = width * samplesPerPixel;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int i = base + samplesPerPixel; i < base + rowBytes; i++) {
                data[i] += data[i - samplesPerPixel];
            }
        }
    }

    /** Replaces samples by their difference to the same sample of the pixel to the left. */
    static void apply(byte[] data, int width, int rows, int samplesPerPixel) {
        int rowBytes = width * samplesPerPixel;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int i = base + rowBytes - 1; i >= base + samplesPerPixel; i--) {
                data[i] -= data[i - samplesPerPixel];
            }
        }
    }
}
