package org.gloinone.eval;

import java.util.List;

/**
 * The count errors of a set of images, image by image and averaged over images (each image weighs the same, as a
 * pathologist reads one biopsy at a time).
 *
 * @param images one count per image, in dataset order
 */
public record CountErrors(List<ImageCount> images) {
    public CountErrors {
        images = List.copyOf(images);
    }

    /** Annotated glomeruli over all images. */
    public int truth() {
        return images.stream().mapToInt(ImageCount::truth).sum();
    }

    /** Reported glomeruli over all images. */
    public int found() {
        return images.stream().mapToInt(ImageCount::found).sum();
    }

    /** Mean of found minus true per image; NaN without images. */
    public double meanSignedError() {
        return images.stream().mapToDouble(ImageCount::signedError).average().orElse(Double.NaN);
    }

    /** Mean absolute count error per image; NaN without images. */
    public double meanAbsoluteError() {
        return images.stream().mapToDouble(ImageCount::absoluteError).average().orElse(Double.NaN);
    }

    /** Mean signed relative error over the images that hold glomeruli; NaN when none does. */
    public double meanRelativeError() {
        return images.stream().mapToDouble(ImageCount::relativeError).filter(Double::isFinite).average()
                .orElse(Double.NaN);
    }

    /** Mean absolute relative error over the images that hold glomeruli; NaN when none does. */
    public double meanAbsoluteRelativeError() {
        return images.stream().mapToDouble(ImageCount::relativeError).filter(Double::isFinite).map(Math::abs)
                .average().orElse(Double.NaN);
    }

    /**
     * Mean absolute error of the percent sclerosed, in percentage points, over the images where it is defined on
     * both sides; NaN when it is nowhere.
     */
    public double meanAbsolutePercentSclerosedError() {
        return images.stream().mapToDouble(ImageCount::percentSclerosedError).filter(Double::isFinite).map(Math::abs)
                .average().orElse(Double.NaN);
    }
}
