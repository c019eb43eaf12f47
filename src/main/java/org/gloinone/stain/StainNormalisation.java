package org.gloinone.stain;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.gloinone.slide.Slide;

/**
 * The factors that bring a slide's stain to a model's: its haematoxylin and eosin densities are multiplied by them,
 * so that a section stained darker, paler, bluer or more magenta than the model's training slides looks to the model
 * as those did. The factors are the reference's {@link StainDensities} over the slide's, each kept within
 * [1/{@value #MAX_FACTOR}, {@value #MAX_FACTOR}]: beyond that the slide is more likely unusual than differently
 * stained, and a stronger change would invent contrast that is not there.
 *
 * @param haematoxylin the factor on each pixel's H density
 * @param eosin        the factor on each pixel's E density
 */
public record StainNormalisation(double haematoxylin, double eosin) {
    /** The largest factor either way. */
    public static final double MAX_FACTOR = 2.0;
    /** No change. */
    public static final StainNormalisation NONE = new StainNormalisation(1, 1);

    public StainNormalisation {
        for (double f : new double[] {haematoxylin, eosin}) {
            if (!(f >= 1 / MAX_FACTOR && f <= MAX_FACTOR)) {
                throw new IllegalArgumentException("a stain factor must be in [" + 1 / MAX_FACTOR + ", "
                        + MAX_FACTOR + "], got " + f);
            }
        }
    }

    /** The factors that take {@code measured} to {@code reference}, each clamped to the allowed range. */
    public static StainNormalisation between(StainDensities measured, StainDensities reference) {
        return new StainNormalisation(clamp(reference.haematoxylin() / measured.haematoxylin()),
                clamp(reference.eosin() / measured.eosin()));
    }

    /**
     * The factors for this slide: its densities measured and taken to the reference; {@link #NONE} when the slide's
     * cannot be measured (no pixel size, no stained pixel).
     *
     * @throws IOException if the slide cannot be read
     */
    public static StainNormalisation forSlide(Slide slide, StainDensities reference) throws IOException {
        Optional<StainDensities> measured = StainDensities.of(slide);
        return measured.map(m -> between(m, reference)).orElse(NONE);
    }

    /** True when nothing changes. */
    public boolean isNone() {
        return haematoxylin == 1 && eosin == 1;
    }

    /** The slide as these factors restain it; the slide itself when they change nothing. */
    public Slide restain(Slide slide) {
        return isNone() ? slide : new RestainedSlide(slide, new PixelRestainer(this));
    }

    /** How a report states it, e.g. {@code "H x0.67, E x0.71"}. */
    public String describe() {
        return String.format(Locale.ROOT, "H x%.2f, E x%.2f", haematoxylin, eosin);
    }

    private static double clamp(double factor) {
        return Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, factor));
    }
}
