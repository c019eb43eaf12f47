package org.gloinone.stain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * A slide seen through stain factors: every region read comes out restained; the pyramid, pixel size and
 * associated images are the slide's. Scaled reads are restained after resampling, so a pixel is restained once
 * however many source pixels it averages. A view: closing it leaves the slide open for its owner.
 */
final class RestainedSlide implements Slide {
    private final Slide slide;
    private final PixelRestainer restainer;

    RestainedSlide(Slide slide, PixelRestainer restainer) {
        this.slide = slide;
        this.restainer = restainer;
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        return restained(slide.readRegion(level, x, y, width, height));
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readScaled(double x0, double y0, double w0, double h0, int outWidth,
                                                  int outHeight) throws IOException {
        return restained(slide.readScaled(x0, y0, w0, h0, outWidth, outHeight));
    }

    private ArrayImg<ARGBType, IntArray> restained(ArrayImg<ARGBType, IntArray> image) {
        return ArrayImgs.argbs(restainer.restain(image.update(null).getCurrentStorageArray()),
                image.dimension(0), image.dimension(1));
    }

    @Override
    public double requireMicronsPerPixel() throws SlideException {
        return slide.requireMicronsPerPixel();
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
    public void close() {
        // The view owns nothing.
    }
}
