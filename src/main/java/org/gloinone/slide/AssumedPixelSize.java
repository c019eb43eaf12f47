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
 * A slide whose missing pixel size is supplied by the user (e.g. a PNG, which stores none). A pixel size the file
 * states is kept: the user's value only fills the gap, it never overrides the scanner. Closing closes the slide.
 */
public final class AssumedPixelSize implements Slide {
    private final Slide slide;
    private final OptionalDouble micronsPerPixel;

    private AssumedPixelSize(Slide slide, double micronsPerPixel) {
        this.slide = slide;
        this.micronsPerPixel = OptionalDouble.of(micronsPerPixel);
    }

    /** The slide itself when it states its pixel size or none is given, else the slide with the given one. */
    public static Slide ifMissing(Slide slide, OptionalDouble micronsPerPixel) {
        boolean stated = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent();
        return stated || micronsPerPixel.isEmpty() ? slide : new AssumedPixelSize(slide, micronsPerPixel.getAsDouble());
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
        return micronsPerPixel;
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return micronsPerPixel;
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
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        return slide.readRegion(level, x, y, width, height);
    }

    @Override
    public void close() throws IOException {
        slide.close();
    }
}
