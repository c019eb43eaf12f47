package org.gloinone.train;

import java.util.Random;

import org.gloinone.stain.HedColour;

/**
 * Training-time augmentation: random flips and 90° rotations with scale and position jitter (see {@link Warp}),
 * stain jitter in HED space (Tellez et al. 2018), brightness jitter, and occasional blur and Gaussian noise.
 *
 * @param scaleJitter  relative scale range, e.g. 0.15 for a factor in [1/1.15, 1.15]
 * @param shiftJitter  centre shift as a fraction of the patch edge
 * @param stainSigma   HED jitter strength (0.05 typical)
 * @param blurChance   probability of a 3 x 3 Gaussian blur
 * @param noiseSigma   maximum standard deviation of additive noise, in 0-1 units
 * @param lowMagnificationChance probability of a low-magnification look: the image is area-averaged down by a
 *                     random factor up to {@code maxLowMagnification} and enlarged back, as a slide exported at a
 *                     coarser pixel size looks once the pipeline reads it at the model's pixel size
 * @param maxLowMagnification the largest such factor, at least 1
 * @param jpegChance   probability of a JPEG round trip at quality 30-85 %, the artefacts of exported regions
 * @param maxStainFactor above 1, each stain's density is multiplied by a factor drawn log-uniformly between
 *                     {@code 1 / maxStainFactor} and {@code maxStainFactor} (other labs' stains) instead of
 *                     {@code 1 ± stainSigma}; 1 keeps the latter
 */
public record Augmenter(double scaleJitter, double shiftJitter, double stainSigma, double blurChance,
                        double noiseSigma, double lowMagnificationChance, double maxLowMagnification,
                        double jpegChance, double maxStainFactor) {

    public Augmenter {
        if (!(maxLowMagnification >= 1)) {
            throw new IllegalArgumentException("largest low-magnification factor must be >= 1, got "
                    + maxLowMagnification);
        }
        if (!(maxStainFactor >= 1) || Double.isInfinite(maxStainFactor)) {
            throw new IllegalArgumentException("largest stain factor must be >= 1, got " + maxStainFactor);
        }
    }

    /** Flips, rotations, scale and colour jitter without export artefacts. */
    public Augmenter(double scaleJitter, double shiftJitter, double stainSigma, double blurChance, double noiseSigma) {
        this(scaleJitter, shiftJitter, stainSigma, blurChance, noiseSigma, 0, 1, 0, 1);
    }

    /** Defaults used for the segmenter. */
    public static Augmenter standard() {
        return new Augmenter(0.15, 0.06, 0.05, 0.25, 0.02);
    }

    /**
     * The detector's and the classifier's: stronger stain jitter (PAS batches, faded and dark sections), and the
     * blur and JPEG artefacts of regions exported at low magnification (down to 2.5 x coarser than the model).
     */
    public static Augmenter robust() {
        return robust(2.5);
    }

    /**
     * As {@link #robust()}, with the low-magnification look (still half of the patches) reaching up to
     * {@code maxLowMagnification} times coarser than the model sees.
     */
    public static Augmenter robust(double maxLowMagnification) {
        return robust(maxLowMagnification, 1);
    }

    /**
     * As {@link #robust(double)}, each stain's density multiplied by a factor up to {@code maxStainFactor} or down
     * to its inverse (see {@link #maxStainFactor()}).
     */
    public static Augmenter robust(double maxLowMagnification, double maxStainFactor) {
        return new Augmenter(0.15, 0.06, 0.1, 0.25, 0.02, 0.5, maxLowMagnification, 0.3, maxStainFactor);
    }

    /**
     * The same augmentation with the patch's scale drawn between {@code 1 / (1 + jitter)} and {@code 1 + jitter}
     * times its nominal one (source beyond the image mirrored, as {@link Warp#sample} does).
     */
    public Augmenter withScaleJitter(double jitter) {
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("scale jitter must be from 0 to 1, got " + jitter);
        }
        return new Augmenter(jitter, shiftJitter, stainSigma, blurChance, noiseSigma, lowMagnificationChance,
                maxLowMagnification, jpegChance, maxStainFactor);
    }

    /** No augmentation at all (validation). */
    public static Augmenter none() {
        return new Augmenter(0, 0, 0, 0, 0);
    }

    /**
     * A random warp of a patch around ({@code cx}, {@code cy}) whose nominal scale is {@code scale} source pixels
     * per output pixel.
     */
    public Warp randomWarp(Random rnd, double cx, double cy, double scale, int size) {
        double s = scale * Math.exp((rnd.nextDouble() * 2 - 1) * Math.log1p(scaleJitter));
        double shift = shiftJitter * size * s;
        return new Warp(cx + (rnd.nextDouble() * 2 - 1) * shift, cy + (rnd.nextDouble() * 2 - 1) * shift, s,
                rnd.nextInt(4), rnd.nextBoolean());
    }

    /** Applies stain, brightness, low-magnification, JPEG, blur and noise jitter to an RGB image in place. */
    public void jitterColour(Random rnd, FloatImage rgb) {
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("colour jitter needs an RGB image");
        }
        if (stainSigma > 0) {
            hedJitter(rnd, rgb);
        }
        if (lowMagnificationChance > 0 && rnd.nextDouble() < lowMagnificationChance) {
            ExportArtefacts.lowMagnification(rgb, 1 + rnd.nextDouble() * (maxLowMagnification - 1));
        }
        if (jpegChance > 0 && rnd.nextDouble() < jpegChance) {
            ExportArtefacts.jpeg(rgb, 0.3f + 0.55f * rnd.nextFloat());
        }
        if (blurChance > 0 && rnd.nextDouble() < blurChance) {
            blur(rgb);
        }
        if (noiseSigma > 0) {
            double sigma = rnd.nextDouble() * noiseSigma;
            float[] d = rgb.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = clamp(d[i] + (float) (rnd.nextGaussian() * sigma));
            }
        }
    }

    private void hedJitter(Random rnd, FloatImage rgb) {
        double[] scale = new double[3];
        double[] shift = new double[3];
        for (int s = 0; s < 3; s++) {
            double u = rnd.nextDouble() * 2 - 1;
            scale[s] = maxStainFactor > 1 ? Math.exp(u * Math.log(maxStainFactor)) : 1 + u * stainSigma;
            shift[s] = (rnd.nextDouble() * 2 - 1) * stainSigma * 0.1;
        }
        double brightness = 1 + (rnd.nextDouble() * 2 - 1) * stainSigma;
        float[] d = rgb.data();
        double[] pixel = new double[3];
        for (int i = 0; i < d.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                pixel[c] = d[i + c];
            }
            HedColour.restain(pixel, scale, shift);
            for (int c = 0; c < 3; c++) {
                d[i + c] = clamp((float) (pixel[c] * brightness));
            }
        }
    }

    /** 3 x 3 binomial blur, mirrored at the borders. */
    static void blur(FloatImage img) {
        int w = img.width();
        int h = img.height();
        int ch = img.channels();
        float[] src = img.data().clone();
        float[] k = {0.25f, 0.5f, 0.25f};
        float[] tmp = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    float s = 0;
                    for (int j = -1; j <= 1; j++) {
                        s += k[j + 1] * src[(y * w + Warp.mirror(x + j, w)) * ch + c];
                    }
                    tmp[(y * w + x) * ch + c] = s;
                }
            }
        }
        float[] d = img.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    float s = 0;
                    for (int j = -1; j <= 1; j++) {
                        s += k[j + 1] * tmp[(Warp.mirror(y + j, h) * w + x) * ch + c];
                    }
                    d[(y * w + x) * ch + c] = s;
                }
            }
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
