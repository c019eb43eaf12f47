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
 * A slide that answers everything by asking another: the base of views that change one thing about a slide (its
 * pixel size, its colours) and pass the rest through. Closing closes the slide asked.
 */
public abstract class ForwardingSlide implements Slide {
    private final Slide slide;

    protected ForwardingSlide(Slide slide) {
        this.slide = slide;
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
        return slide.micronsPerPixelX();
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return slide.micronsPerPixelY();
    }

    @Override
    public double requireMicronsPerPixel() throws SlideException {
        return slide.requireMicronsPerPixel();
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
    public ArrayImg<ARGBType, IntArray> readScaled(double x0, double y0, double w0, double h0, int outWidth,
                                                  int outHeight) throws IOException {
        return slide.readScaled(x0, y0, w0, h0, outWidth, outHeight);
    }

    @Override
    public void close() throws IOException {
        slide.close();
    }
}
