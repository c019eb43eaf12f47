package org.gloinone.slide;

/**
 * The source taps and weights of a 1-D resampling from a source axis to an output axis.
 * Shrinking averages the covered source pixels by their covered fraction (area averaging);
 * enlarging interpolates linearly between the two nearest pixel centres.
 */
final class ResampleKernel {
    final int[] first;     // first source index of each output pixel, relative to sourceStart
    final float[][] weights;
    final int sourceStart; // smallest source index touched
    final int sourceEnd;   // one past the largest source index touched

    private ResampleKernel(int[] first, float[][] weights) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < first.length; i++) {
            lo = Math.min(lo, first[i]);
            hi = Math.max(hi, first[i] + weights[i].length);
        }
        this.sourceStart = lo;
        this.sourceEnd = hi;
        this.first = first;
        this.weights = weights;
        for (int i = 0; i < first.length; i++) {
            first[i] -= lo;
        }
    }

    /**
     * @param start     source coordinate of the output's left edge (may be fractional)
     * @param length    source length covered by the output
     * @param outLength number of output pixels
     */
    static ResampleKernel of(double start, double length, int outLength) {
        double step = length / outLength;
        int[] first = new int[outLength];
        float[][] weights = new float[outLength][];
        for (int i = 0; i < outLength; i++) {
            if (step > 1) {
                double a = start + i * step;
                double b = a + step;
                int ia = (int) Math.floor(a);
                int ib = (int) Math.ceil(b);
                float[] w = new float[ib - ia];
                for (int s = ia; s < ib; s++) {
                    w[s - ia] = (float) ((Math.min(b, s + 1) - Math.max(a, s)) / step);
                }
                first[i] = ia;
                weights[i] = w;
            } else {
                double c = start + (i + 0.5) * step - 0.5;
                int i0 = (int) Math.floor(c);
                float t = (float) (c - i0);
                first[i] = i0;
                weights[i] = t == 0 ? new float[] {1f} : new float[] {1f - t, t};
            }
        }
        return new ResampleKernel(first, weights);
    }

    int sourceLength() {
        return sourceEnd - sourceStart;
    }
}
