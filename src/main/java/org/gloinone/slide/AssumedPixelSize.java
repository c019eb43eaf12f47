package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * A slide whose missing pixel size is supplied by the user (e.g. a PNG, which stores none). A plausible pixel size
 * the file states is kept: the user's value only fills the gap, or replaces a value no microscope produces
 * (see {@link SlideLimits}). Closing closes the slide.
 */
public final class AssumedPixelSize implements Slide {
    private final Slide slide;
    private final OptionalDouble micronsPerPixel;
    private final String whyMissing;

    private AssumedPixelSize(Slide slide, OptionalDouble micronsPerPixel, String whyMissing) {
        this.slide = slide;
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
        if (micronsPerPixel.isEmpty() && whyMissing != null) {
            throw new SlideException(path(), "no pixel size (um/px): " + whyMissing
                    + "; give the pixel size explicitly (e.g. --mpp 0.5 on the command line)");
        }
        return Slide.super.requireMicronsPerPixel();
    }

    @Override
    public Path path() {
        return slide.path();
    }

    @Override
    public String backendName() {
        return slide.backendName();
    }

    @Override
    public String formatName() {
        return slide.formatName();
    }

    @Override
    public List<SlideLevel> levels() {
        return slide.levels();
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return micronsPerPixel.isPresent() ? micronsPerPixel : slide.micronsPerPixelX();
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return micronsPerPixel.isPresent() ? micronsPerPixel : slide.micronsPerPixelY();
    }

    @Override
    public OptionalDouble objectiveMagnification() {
        return slide.objectiveMagnification();
    }

    @Override
    public Set<String> associatedImageNames() {
        return slide.associatedImageNames();
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        return slide.readAssociatedImage(name);
    }

    @Override
    public boolean isEmpty(int level, long x, long y, long width, long height) {
        return slide.isEmpty(level, x, y, width, height);
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        return slide.readRegion(level, x, y, width, height);
    }

    @Override
    public void close() throws IOException {
        slide.close();
    }
}
