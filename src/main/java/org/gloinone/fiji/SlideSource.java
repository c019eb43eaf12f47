package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

import net.imglib2.RandomAccessibleInterval;

import ij.ImagePlus;

/**
 * Where a stage reads its pixels: a slide file chosen in the dialog (read through the slide layer, tile by
 * tile, never whole), an image already open in ImageJ (with its calibration), or an ImgLib2 image a script
 * passes with its pixel size.
 */
public sealed interface SlideSource {

    /** A short name for messages and tables. */
    String displayName();

    /**
     * A slide file on disk.
     *
     * @param path the slide file
     */
    record File(Path path) implements SlideSource {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String displayName() {
            return String.valueOf(path.getFileName());
        }
    }

    /**
     * An image open in ImageJ.
     *
     * @param image the image; its calibration (if in µm) gives the pixel size
     */
    record Image(ImagePlus image) implements SlideSource {
        public Image {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public String displayName() {
            return image.getTitle();
        }
    }

    /**
     * An ImgLib2 image from a script or another plugin: RGB as {@code ARGBType} (X, Y) or
     * {@code UnsignedByteType} with 3 channels (X, Y, C).
     *
     * @param image           the pixels
     * @param name            a name for tables and files
     * @param micronsPerPixel the pixel size in µm; empty when unknown
     */
    record Pixels(RandomAccessibleInterval<?> image, String name, OptionalDouble micronsPerPixel)
            implements SlideSource {
        public Pixels {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(micronsPerPixel, "micronsPerPixel");
        }

        @Override
        public String displayName() {
            return name;
        }
    }
}
