package org.gloinone.slide;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * What a kidney slide can plausibly be, checked before any work is planned, so that a file with absurd
 * metadata is refused in one line instead of allocating or computing for hours. The bounds are generous for
 * real scans (0.1-1 um/px, at most 75 x 50 mm of glass) and refuse what no scanner writes.
 */
public final class SlideLimits {
    /** Finest plausible pixel size in um/px: below optical resolution by a wide margin. */
    public static final double MIN_MICRONS_PER_PIXEL = 0.05;
    /** Coarsest plausible pixel size in um/px: a glomerulus (~150 um) would be under 8 px across. */
    public static final double MAX_MICRONS_PER_PIXEL = 20;
    /** Longest plausible side of the scanned area in millimetres (the largest glass slides are 75 x 50 mm). */
    public static final double MAX_SIDE_MILLIMETRES = 100;
    /** Most level-0 pixels accepted: 2^36, e.g. 262,144 x 262,144. */
    public static final long MAX_PIXELS = 1L << 36;

    private SlideLimits() {
    }

    /** True when {@code micronsPerPixel} lies within the plausible range. */
    public static boolean isPlausiblePixelSize(double micronsPerPixel) {
        return micronsPerPixel >= MIN_MICRONS_PER_PIXEL && micronsPerPixel <= MAX_MICRONS_PER_PIXEL;
    }

    /** The range in words, for messages: "0.05-20 um/px". */
    public static String pixelSizeRange() {
        return format(MIN_MICRONS_PER_PIXEL) + "-" + format(MAX_MICRONS_PER_PIXEL) + " um/px";
    }

    /**
     * The slide with a usable pixel size: the file's when plausible, else {@code assumed} (the user's
     * {@code --mpp}); the slide itself when neither exists (the stage that needs a pixel size refuses it then).
     * Then its size is checked against the limits. A refused slide is closed.
     *
     * @throws SlideException naming the file when its stated pixel size is implausible and none is given, or the
     *                        slide is larger than any scanner writes
     * @throws IllegalArgumentException when {@code assumed} itself is implausible
     */
    public static Slide checked(Slide slide, OptionalDouble assumed) throws IOException {
        try {
            return usable(slide, assumed);
        } catch (IOException | RuntimeException e) {
            slide.close();
            throw e;
        }
    }

    private static Slide usable(Slide slide, OptionalDouble assumed) throws SlideException {
        assumed.ifPresent(SlideLimits::requirePlausible);
        Slide usable = slide;
        OptionalDouble x = slide.micronsPerPixelX();
        OptionalDouble y = slide.micronsPerPixelY();
        if (x.isPresent() && y.isPresent()) {
            double stated = Math.max(x.getAsDouble(), y.getAsDouble());
            double finest = Math.min(x.getAsDouble(), y.getAsDouble());
            if (!isPlausiblePixelSize(stated) || !isPlausiblePixelSize(finest)) {
                if (assumed.isEmpty()) {
                    throw new SlideException(slide.path(), "the file states a pixel size of "
                            + format(isPlausiblePixelSize(stated) ? finest : stated) + " um/px, outside the "
                            + pixelSizeRange() + " of a microscope slide; if the file is wrong, give the pixel "
                            + "size with --mpp (e.g. --mpp 0.5)");
                }
                usable = AssumedPixelSize.overriding(slide, assumed.getAsDouble());
            }
        } else if (assumed.isPresent()) {
            usable = AssumedPixelSize.overriding(slide, assumed.getAsDouble());
        }
        requirePlausibleSize(usable);
        return usable;
    }

    /**
     * @throws IllegalArgumentException naming {@code --mpp} when the pixel size is outside the plausible range
     */
    public static void requirePlausible(double micronsPerPixel) {
        if (!isPlausiblePixelSize(micronsPerPixel)) {
            throw new IllegalArgumentException("--mpp must be a microscope pixel size within " + pixelSizeRange()
                    + ", got " + micronsPerPixel);
        }
    }

    /** Refuses a slide with more pixels, or (when its pixel size is known) a larger area, than any scan. */
    private static void requirePlausibleSize(Slide slide) throws SlideException {
        SlideLevel base = slide.levels().get(0);
        if ((double) base.width() * base.height() > MAX_PIXELS) {
            throw new SlideException(slide.path(), "declares " + base.width() + " x " + base.height()
                    + " px, more than the " + MAX_PIXELS + " px any slide scanner writes; the file is corrupt");
        }
        OptionalDouble x = slide.micronsPerPixelX();
        OptionalDouble y = slide.micronsPerPixelY();
        if (x.isPresent() && y.isPresent()) {
            double widthMm = base.width() * x.getAsDouble() / 1000;
            double heightMm = base.height() * y.getAsDouble() / 1000;
            if (Math.max(widthMm, heightMm) > MAX_SIDE_MILLIMETRES) {
                throw new SlideException(slide.path(), "is " + format(widthMm) + " x " + format(heightMm)
                        + " mm at " + format(x.getAsDouble()) + " um/px, larger than the " + format(MAX_SIDE_MILLIMETRES)
                        + " mm of any glass slide; check the pixel size (--mpp) or the file");
            }
        }
    }

    /** Six significant digits without trailing zeros: 999999, 0.5, 2.5E-6, 1E-300. */
    private static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        String s = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toString();
        return s.contains("E") && Math.abs(v) >= 1 ? new BigDecimal(s).toPlainString() : s;
    }
}
