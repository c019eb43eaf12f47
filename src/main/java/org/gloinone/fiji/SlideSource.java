package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.Objects;

import ij.ImagePlus;

/**
 * Where a stage reads its pixels: a slide file chosen in the dialog (read through the slide layer, tile by
 * tile, never whole) or an image already open in ImageJ (with its calibration).
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
}
