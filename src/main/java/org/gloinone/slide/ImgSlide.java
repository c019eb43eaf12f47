package org.gloinone.slide;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.ColorChannelOrder;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;

/**
 * An ImgLib2 image as a one-level slide: an RGB image ({@code ARGBType}, X and Y) or a three-channel 8-bit one
 * ({@code UnsignedByteType}, X, Y and channels R, G, B), with the pixel size the caller states. Regions are copied
 * from the image when read, so a lazy image (a {@link LevelView}, a virtual stack) stays lazy.
 */
public final class ImgSlide extends PlainSlide {
    private final RandomAccessibleInterval<ARGBType> image;

    private ImgSlide(RandomAccessibleInterval<ARGBType> image, String name, OptionalDouble micronsPerPixel) {
        super(Path.of(name), "imglib2", "ImgLib2 image",
                List.of(new SlideLevel(image.dimension(0), image.dimension(1), 1)), micronsPerPixel, micronsPerPixel);
        this.image = image;
    }

    /**
     * @param image           RGB as {@code ARGBType} (2 dimensions) or {@code UnsignedByteType} with 3 channels
     *                        in the third dimension
     * @param name            a name for tables and messages
     * @param micronsPerPixel the pixel size in µm; empty when unknown (stages that need it then refuse)
     * @throws IllegalArgumentException naming the image when its type or shape is neither of those
     */
    @SuppressWarnings("unchecked")
    public static ImgSlide of(RandomAccessibleInterval<?> image, String name, OptionalDouble micronsPerPixel) {
        micronsPerPixel.ifPresent(mpp -> {
            if (!(mpp > 0) || Double.isInfinite(mpp)) {
                throw new IllegalArgumentException(name + ": pixel size must be > 0 um, got " + mpp);
            }
        });
        Object type = image.getType();
        if (type instanceof ARGBType && image.numDimensions() == 2) {
            return new ImgSlide((RandomAccessibleInterval<ARGBType>) image, name, micronsPerPixel);
        }
        if (type instanceof UnsignedByteType && image.numDimensions() == 3 && image.dimension(2) == 3) {
            RandomAccessibleInterval<ARGBType> rgb = Converters.mergeARGB(
                    (RandomAccessibleInterval<UnsignedByteType>) image, ColorChannelOrder.RGB);
            return new ImgSlide(rgb, name, micronsPerPixel);
        }
        throw new IllegalArgumentException(name + ": an RGB image must be ARGBType (X, Y) or UnsignedByteType with 3 "
                + "channels (X, Y, C), got " + type.getClass().getSimpleName() + " "
                + java.util.Arrays.toString(image.dimensionsAsLongArray()));
    }

    /** Copies the rectangle from the image; outside it is transparent black (0). */
    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height) {
        if (level != 0) {
            throw new IllegalArgumentException(path() + ": an ImgLib2 image has only level 0, asked for " + level);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(path() + ": region must be at least 1 x 1, got " + width + " x " + height);
        }
        int[] out = new int[Math.multiplyExact(width, height)];
        long w = image.dimension(0);
        long h = image.dimension(1);
        long x0 = Math.max(0, x);
        long x1 = Math.min(w, x + width);
        RandomAccess<ARGBType> ra = image.randomAccess(Intervals.createMinSize(image.min(0), image.min(1), w, h));
        for (int j = 0; j < height; j++) {
            long sy = y + j;
            if (sy < 0 || sy >= h || x0 >= x1) {
                continue;
            }
            ra.setPosition(image.min(0) + x0, 0);
            ra.setPosition(image.min(1) + sy, 1);
            for (long sx = x0; sx < x1; sx++, ra.fwd(0)) {
                out[(int) (j * (long) width + (sx - x))] = ra.get().get();
            }
        }
        return ArrayImgs.argbs(out, width, height);
    }

    /** Nothing to release: the image belongs to the caller. */
    @Override
    public void close() {
    }
}
