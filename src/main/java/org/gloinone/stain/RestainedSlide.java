package org.gloinone.stain;

import java.io.IOException;

import org.gloinone.slide.ForwardingSlide;
import org.gloinone.slide.Slide;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * A slide seen through stain factors: every region read comes out restained; the pyramid, pixel size and
 * associated images are the slide's. Scaled reads are restained after resampling, so a pixel is restained once
 * however many source pixels it averages. A view: closing it leaves the slide open for its owner.
 */
public final class RestainedSlide extends ForwardingSlide {
    private final PixelRestainer restainer;

    private RestainedSlide(Slide slide, PixelRestainer restainer) {
        super(slide);
        this.restainer = restainer;
    }

    /** The slide as these factors restain it; the slide itself when they change nothing. */
    public static Slide of(Slide slide, StainNormalisation factors) {
        return factors.isNone() ? slide : new RestainedSlide(slide, new PixelRestainer(factors));
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        return restained(super.readRegion(level, x, y, width, height));
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readScaled(double x0, double y0, double w0, double h0, int outWidth,
                                                  int outHeight) throws IOException {
        return restained(super.readScaled(x0, y0, w0, h0, outWidth, outHeight));
    }

    private ArrayImg<ARGBType, IntArray> restained(ArrayImg<ARGBType, IntArray> image) {
        return ArrayImgs.argbs(restainer.restain(image.update(null).getCurrentStorageArray()),
                image.dimension(0), image.dimension(1));
    }

    @Override
    public void close() {
        // The view owns nothing.
    }
}
