package org.gloinone.eval;

import java.nio.file.Path;

/**
 * An image with its annotation mask of the same size.
 *
 * @param image the RGB image
 * @param mask  its mask
 */
public record ImageAndMask(RgbImage image, BinaryMask mask) {
    public ImageAndMask {
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height()
                    + " but mask is " + mask.width() + "x" + mask.height());
        }
    }

    /**
     * Reads an image and its mask and checks that their sizes agree.
     *
     * @throws DatasetException if either is missing or unreadable, or the sizes differ (names the mask file)
     */
    public static ImageAndMask read(Path imageFile, Path maskFile) throws DatasetException {
        RgbImage image = RgbImage.read(imageFile);
        RgbImage mask = RgbImage.read(maskFile);
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new DatasetException(maskFile, "mask is " + mask.width() + "x" + mask.height()
                    + " but its image " + imageFile.getFileName() + " is " + image.width() + "x" + image.height());
        }
        return new ImageAndMask(image, mask.toMask());
    }
}
