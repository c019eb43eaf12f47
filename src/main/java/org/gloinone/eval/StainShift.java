package org.gloinone.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gloinone.stain.HedColour;

/**
 * A fixed change of stain, as another lab's sections would show the same tissue: each stain's optical density
 * times a factor ({@link HedColour}). The factors lie far outside the trainer's stain jitter (±10 %), so that a
 * score under a shift says how a model holds on stains it was not shown. PAS's magenta falls mostly on the eosin
 * vector of the deconvolution, so "eosin" here stands for it.
 */
public enum StainShift {
    /** Both stains at 0.6: a faded or thinly stained section. */
    FADED(0.6, 0.6),
    /** Both stains at 1.5: a thick or overstained section. */
    DARK(1.5, 1.5),
    /** Haematoxylin at 1.5, eosin at 0.8: a bluer stain. */
    BLUE(1.5, 0.8),
    /** Haematoxylin at 0.8, eosin at 1.5: a stronger magenta. */
    MAGENTA(0.8, 1.5);

    private final double haematoxylin;
    private final double eosin;

    StainShift(double haematoxylin, double eosin) {
        this.haematoxylin = haematoxylin;
        this.eosin = eosin;
    }

    /** The name used on the command line and in reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The factor on the haematoxylin density. */
    public double haematoxylin() {
        return haematoxylin;
    }

    /** The factor on the eosin density. */
    public double eosin() {
        return eosin;
    }

    /**
     * The shift of that name.
     *
     * @throws IllegalArgumentException naming the known shifts if there is none of that name
     */
    public static StainShift of(String word) {
        for (StainShift s : values()) {
            if (s.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stain shift '" + word + "'; known: "
                + Arrays.stream(values()).map(StainShift::word).collect(Collectors.joining(", ")));
    }

    /** A new image with every pixel restained (alpha kept, channels rounded and clamped to 0-255). */
    public RgbImage apply(RgbImage image) {
        double[] scale = {haematoxylin, eosin, 1};
        double[] shift = {0, 0, 0};
        int[] src = image.argb();
        int[] out = new int[src.length];
        double[] pixel = new double[3];
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            pixel[0] = ((p >> 16) & 0xff) / 255.0;
            pixel[1] = ((p >> 8) & 0xff) / 255.0;
            pixel[2] = (p & 0xff) / 255.0;
            HedColour.restain(pixel, scale, shift);
            out[i] = (p & 0xff000000) | channel(pixel[0]) << 16 | channel(pixel[1]) << 8 | channel(pixel[2]);
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
}
