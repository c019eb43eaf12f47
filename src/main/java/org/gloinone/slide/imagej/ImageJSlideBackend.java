package org.gloinone.slide.imagej;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;
import org.gloinone.slide.SlideException;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.TiffDecoder;

/**
 * Reads a plain image file (PNG, JPEG, GIF, BMP, or a single-image TIFF) as a one-level slide through
 * ImageJ's readers. The whole image is held in memory, so files larger than {@link #maxPixels()} are
 * refused before any pixel is decoded. Works headless; errors are exceptions, never console messages.
 * <p>
 * To use an image that is already open in ImageJ, {@link #wrap(ImagePlus)} it.
 */
public final class ImageJSlideBackend implements SlideBackend {
    /** The backend name reported by its slides. */
    public static final String NAME = "imagej";

    /** Default pixel limit: 2^28 pixels (16384 x 16384), 1 GiB as ARGB. */
    public static final long DEFAULT_MAX_PIXELS = 1L << 28;

    /**
     * PNG pHYs pixel sizes above this many micrometres are taken as a screen resolution (72 dpi is
     * 353 um/px, 300 dpi is 85 um/px) rather than a microscope calibration, and ignored.
     */
    private static final double MAX_TRUSTED_PHYS_MICRONS = 50;

    private final long maxPixels;

    /** A backend with the {@link #DEFAULT_MAX_PIXELS} limit. */
    public ImageJSlideBackend() {
        this(DEFAULT_MAX_PIXELS);
    }

    /**
     * A backend refusing images of more than {@code maxPixels} pixels.
     *
     * @throws IllegalArgumentException unless 1 &lt;= maxPixels &lt; 2^31
     */
    public ImageJSlideBackend(long maxPixels) {
        if (maxPixels < 1 || maxPixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxPixels must be in 1.." + (Integer.MAX_VALUE - 8) + ", got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** The largest image, in pixels, this backend opens. */
    public long maxPixels() {
        return maxPixels;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Always true: ImageJ is part of the program. */
    @Override
    public boolean isAvailable() {
        return true;
    }

    /**
     * Recognises PNG, JPEG, GIF and BMP signatures. TIFF is claimed only by extension, so that pyramid
     * readers, which recognise TIFF content, are asked first.
     */
    @Override
    public boolean recognises(Path file, byte[] header) {
        return formatOf(header) != null && !"tiff".equals(formatOf(header));
    }

    @Override
    public Set<String> extensions() {
        return Set.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff");
    }

    /**
     * An image already open in ImageJ as a one-level slide (a snapshot of its current plane).
     *
     * @throws SlideException when the image has several non-RGB channels
     */
    public Slide wrap(ImagePlus image) throws SlideException {
        return new ImagePlusSlide(image);
    }

    @Override
    public Slide open(Path file) throws IOException {
        byte[] header;
        try (var in = Files.newInputStream(file)) {
            header = in.readNBytes(16);
        } catch (IOException e) {
            throw new SlideException(file, "cannot be read: " + e.getMessage(), e);
        }
        String format = formatOf(header);
        if (format == null) {
            throw new SlideException(file, "is not a PNG, JPEG, GIF, BMP or TIFF image");
        }
        if ("tiff".equals(format)) {
            return openTiff(file);
        }
        return openWithImageIO(file, format);
    }

    private Slide openTiff(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        FileInfo[] info;
        try {
            info = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
        } catch (IOException | RuntimeException e) {
            throw new SlideException(file, "ImageJ cannot read this TIFF: " + e.getMessage(), e);
        }
        if (info == null || info.length == 0) {
            throw new SlideException(file, "ImageJ found no image in this TIFF");
        }
        FileInfo first = info[0];
        checkSize(file, first.width, first.height);
        if (first.compression == FileInfo.COMPRESSION_UNKNOWN) {
            throw new SlideException(file, "ImageJ cannot decode the compression of this TIFF");
        }
        // One plane: a multi-page TIFF here is a stack, not a pyramid.
        first.nImages = 1;
        ImagePlus image;
        try {
            image = new FileOpener(first).openImage();
        } catch (RuntimeException e) {
            throw new SlideException(file, "ImageJ cannot decode this TIFF: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new SlideException(file, "ImageJ cannot decode this TIFF");
        }
        return new ImagePlusSlide(image, file, "tiff", OptionalDouble.empty());
    }

    private Slide openWithImageIO(Path file, String format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new SlideException(file, "no image decoder for " + format.toUpperCase(Locale.ROOT));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                checkSize(file, reader.getWidth(0), reader.getHeight(0));
                BufferedImage decoded = reader.read(0);
                OptionalDouble mpp = "png".equals(format) ? PngPixelSize.micronsPerPixel(reader.getImageMetadata(0))
                        : OptionalDouble.empty();
                if (mpp.isPresent() && mpp.getAsDouble() > MAX_TRUSTED_PHYS_MICRONS) {
                    mpp = OptionalDouble.empty();
                }
                ImagePlus image = new ImagePlus(file.getFileName().toString(), decoded);
                return new ImagePlusSlide(image, file, format, mpp);
            } finally {
                reader.dispose();
            }
        } catch (SlideException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SlideException(file, "cannot decode the " + format.toUpperCase(Locale.ROOT) + " image: "
                    + e.getMessage(), e);
        }
    }

    private void checkSize(Path file, long width, long height) throws SlideException {
        if (width < 1 || height < 1) {
            throw new SlideException(file, "has an empty image (" + width + "x" + height + ")");
        }
        if (width * height > maxPixels) {
            throw new SlideException(file, "is " + width + "x" + height + " pixels, more than the " + maxPixels
                    + " a plain image may have here; convert it to a tiled pyramidal TIFF");
        }
    }

    /** The format named by a file's signature, or null. */
    static String formatOf(byte[] h) {
        if (h.length >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return "png";
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (h.length >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return "gif";
        }
        if (h.length >= 14 && h[0] == 'B' && h[1] == 'M') {
            return "bmp";
        }
        if (h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)))) {
            return "tiff";
        }
        return null;
    }
}
