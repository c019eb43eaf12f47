package org.gloinone.stain;

import java.util.Locale;

/**
 * The factors that bring a slide's stain to a model's: its haematoxylin and eosin densities are multiplied by them,
 * so that a section stained darker, paler, bluer or more magenta than the model's training slides looks to the model
 * as those did ({@link StainDensities#restainingFactors}, applied by {@link RestainedSlide}). Each factor lies within
 * [1/{@value #MAX_FACTOR}, {@value #MAX_FACTOR}]: beyond that the slide is more likely unusual than differently
 * stained, and a stronger change would invent contrast that is not there. A plain value that results carry, so it
 * refers to nothing else of the engine.
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

    /** These factors, each brought into the allowed range. */
    public static StainNormalisation clamped(double haematoxylin, double eosin) {
        return new StainNormalisation(clamp(haematoxylin), clamp(eosin));
    }

    /** True when nothing changes. */
    public boolean isNone() {
        return haematoxylin == 1 && eosin == 1;
    }

    /** How a report states it, e.g. {@code "H x0.67, E x0.71"}. */
    public String describe() {
        return String.format(Locale.ROOT, "H x%.2f, E x%.2f", haematoxylin, eosin);
    }

    private static double clamp(double factor) {
        return Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, factor));
    }
}
