package org.gloinone.slide.imagej;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.slide.LengthUnits;
import org.gloinone.slide.PlainSlide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * An ImageJ image seen as a one-level slide. The pixels of the current plane are copied once, at
 * construction, into opaque ARGB, so later edits of the {@link ImagePlus} do not change what this slide
 * reads and reads are thread-safe without locks.
 * <p>
 * RGB images are taken as they are; 8-bit images go through their lookup table (grey for a plain grey
 * image); 16- and 32-bit images are scaled by their display range, which ImageJ sets to the data range
 * when it opens a file. Images with several channels that are not RGB are refused: merge them to RGB
 * first. Of a z- or time-stack only the current plane is read.
 * <p>
 * The pixel size comes from the image's {@link Calibration} when its unit is a length in micrometres,
 * millimetres or nanometres; otherwise it is unknown (never guessed from a screen resolution).
 */
public final class ImagePlusSlide extends PlainSlide {
    private final int width;
    private final int height;
    private final int[] argb;

    /**
     * Wraps an image already open in ImageJ (e.g. the current image in Fiji). Its path is the file it
     * came from when ImageJ knows it, else its title.
     *
     * @throws SlideException when the image has several non-RGB channels
     */
    public ImagePlusSlide(ImagePlus image) throws SlideException {
        this(image, pathOf(image), "imagej-image", OptionalDouble.empty());
    }

    /**
     * Wraps an image read from {@code file}.
     *
     * @param fallbackMicronsPerPixel the pixel size from the file itself, used when the image's calibration
     *                                has none (e.g. a PNG pHYs chunk)
     * @throws SlideException when the image has several non-RGB channels
     */
    ImagePlusSlide(ImagePlus image, Path file, String format, OptionalDouble fallbackMicronsPerPixel)
            throws SlideException {
        super(file, ImageJSlideBackend.NAME, format, List.of(new SlideLevel(image.getWidth(), image.getHeight(), 1.0)),
                pixelSize(image, true, fallbackMicronsPerPixel), pixelSize(image, false, fallbackMicronsPerPixel));
        if (image.getNChannels() > 1 && image.getType() != ImagePlus.COLOR_RGB) {
            throw new SlideException(file, "has " + image.getNChannels() + " channels; merge them into an RGB "
                    + "image first (Image > Color > Stack to RGB)");
        }
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.argb = opaqueArgb(image.getProcessor());
    }

    /** Micrometres per pixel along x (or y) from the calibration when its unit is a length, else the fallback. */
    private static OptionalDouble pixelSize(ImagePlus image, boolean x, OptionalDouble fallback) {
        Calibration cal = image.getCalibration();
        double toMicrons = LengthUnits.micronsPer(cal.getUnit(), false);
        if (toMicrons > 0 && cal.pixelWidth > 0 && cal.pixelHeight > 0) {
            return OptionalDouble.of((x ? cal.pixelWidth : cal.pixelHeight) * toMicrons);
        }
        return fallback;
    }

    private static Path pathOf(ImagePlus image) {
        FileInfo fi = image.getOriginalFileInfo();
        try {
            if (fi != null && fi.fileName != null && !fi.fileName.isEmpty() && fi.directory != null
                    && !fi.directory.isEmpty()) {
                return Path.of(fi.directory, fi.fileName);
            }
            String title = image.getTitle();
            return Path.of(title == null || title.isBlank() ? "image" : title);
        } catch (InvalidPathException e) {
            // A title with characters the file system forbids still names the image for messages.
            return Path.of("image");
        }
    }

    private static int[] opaqueArgb(ImageProcessor ip) {
        // convertToColorProcessor applies the LUT (8-bit) or the display range (16/32-bit); for an RGB
        // image it may return the image's own array, so the pixels are always copied.
        int[] rgb = (int[]) ip.convertToColorProcessor().getPixels();
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = 0xff000000 | rgb[i];
        }
        return out;
    }










    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int w, int h) {
        if (level != 0) {
            throw new IllegalArgumentException("level " + level + " out of range 0..0");
        }
        if (w < 1 || h < 1 || (long) w * h > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("region " + w + "x" + h + " must be at least 1x1 and at most 2^31 pixels");
        }
        int[] out = new int[w * h];
        long x0 = Math.max(0, x);
        long x1 = Math.min(width, x + w);
        for (int j = 0; j < h; j++) {
            long sy = y + j;
            if (sy < 0 || sy >= height || x0 >= x1) {
                continue;
            }
            System.arraycopy(argb, (int) (sy * width + x0), out, (int) (j * (long) w + (x0 - x)), (int) (x1 - x0));
        }
        return ArrayImgs.argbs(out, w, h);
    }

    /** Nothing to release: the pixels live on the Java heap. */
    @Override
    public void close() {
    }
}
