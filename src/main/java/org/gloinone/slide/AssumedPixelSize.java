package org.gloinone.slide;

import java.util.OptionalDouble;

/**
 * A slide whose missing pixel size is supplied by the user (e.g. a PNG, which stores none). A plausible pixel size
 * the file states is kept: the user's value only fills the gap, or replaces a value no microscope produces
 * (see {@link SlideLimits}). Closing closes the slide.
 */
public final class AssumedPixelSize extends ForwardingSlide {
    private final OptionalDouble micronsPerPixel;
    private final String whyMissing;

    private AssumedPixelSize(Slide slide, OptionalDouble micronsPerPixel, String whyMissing) {
        super(slide);
        this.micronsPerPixel = micronsPerPixel;
        this.whyMissing = whyMissing;
    }

    /** The slide with the given pixel size in place of the file's (which is absent or implausible). */
    static Slide overriding(Slide slide, double micronsPerPixel) {
        return new AssumedPixelSize(slide, OptionalDouble.of(micronsPerPixel), null);
    }

    /**
     * The slide, still without a pixel size, whose refusal for lack of one gives {@code whyMissing} instead:
     * e.g. the built-in reader's diagnosis when a fallback backend opened a file it could not decode.
     */
    static Slide missingBecause(Slide slide, String whyMissing) {
        return new AssumedPixelSize(slide, OptionalDouble.empty(), whyMissing);
    }

    @Override
    public double requireMicronsPerPixel() throws SlideException {
        if (micronsPerPixel.isPresent()) {
            return micronsPerPixel.getAsDouble();
        }
        if (whyMissing != null) {
            throw new SlideException(path(), "no pixel size (um/px): " + whyMissing
                    + "; give the pixel size explicitly (e.g. --mpp 0.5 on the command line)");
        }
        return super.requireMicronsPerPixel();
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return micronsPerPixel.isPresent() ? micronsPerPixel : super.micronsPerPixelX();
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return micronsPerPixel.isPresent() ? micronsPerPixel : super.micronsPerPixelY();
    }
}
