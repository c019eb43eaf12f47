package org.gloinone.eval;

/**
 * How a predicted mask overlaps the true one, in pixels, and the paper's segmentation scores.
 * <p>
 * Convention for empty masks: when both are empty the prediction is perfect (Dice = IoU = 1); when only
 * one is empty both scores are 0.
 *
 * @param truthArea      foreground pixels of the true mask
 * @param predictedArea  foreground pixels of the predicted mask
 * @param intersection   pixels foreground in both
 */
public record MaskOverlap(long truthArea, long predictedArea, long intersection) {
    public MaskOverlap {
        if (truthArea < 0 || predictedArea < 0 || intersection < 0
                || intersection > Math.min(truthArea, predictedArea)) {
            throw new IllegalArgumentException("inconsistent overlap: truth " + truthArea + ", predicted "
                    + predictedArea + ", intersection " + intersection);
        }
    }

    /** The overlap of a prediction that found nothing. */
    public static MaskOverlap missed(long truthArea) {
        return new MaskOverlap(truthArea, 0, 0);
    }

    /**
     * Counts the overlap of two masks of the same size.
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public static MaskOverlap of(BinaryMask truth, BinaryMask predicted) {
        if (truth.width() != predicted.width() || truth.height() != predicted.height()) {
            throw new IllegalArgumentException("mask sizes differ: truth " + truth.width() + "x" + truth.height()
                    + ", predicted " + predicted.width() + "x" + predicted.height());
        }
        long t = 0;
        long p = 0;
        long both = 0;
        int n = truth.width() * truth.height();
        for (int i = 0; i < n; i++) {
            boolean a = truth.at(i);
            boolean b = predicted.at(i);
            if (a) {
                t++;
            }
            if (b) {
                p++;
            }
            if (a && b) {
                both++;
            }
        }
        return new MaskOverlap(t, p, both);
    }

    /** Pixels foreground in either mask. */
    public long union() {
        return truthArea + predictedArea - intersection;
    }

    /** Dice (F1) coefficient, {@code 2|T∩P| / (|T| + |P|)}. */
    public double dice() {
        long sum = truthArea + predictedArea;
        return sum == 0 ? 1.0 : 2.0 * intersection / sum;
    }

    /**
     * The predicted area's relative error, {@code (|P| - |T|) / |T|}: what a glomerulus's area in µm² is off by
     * (-1 for a missed glomerulus); NaN when the truth is empty.
     */
    public double relativeAreaError() {
        return truthArea == 0 ? Double.NaN : (double) (predictedArea - truthArea) / truthArea;
    }

    /** Intersection over union (Jaccard), {@code |T∩P| / |T∪P|}. */
    public double iou() {
        long u = union();
        return u == 0 ? 1.0 : (double) intersection / u;
    }
}
