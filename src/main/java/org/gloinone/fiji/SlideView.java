package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.Objects;

import ij.ImagePlus;

/**
 * An image shown in ImageJ and the slide it shows: either the slide itself (an ordinary image, downsample 1)
 * or a thumbnail of a slide file, which carries the file and its downsample as image properties. ROIs drawn on
 * the image map to level-0 slide pixels by multiplying by {@link #downsample()}.
 *
 * @param source     the slide the image shows
 * @param downsample level-0 pixels per image pixel, &ge; 1
 */
public record SlideView(SlideSource source, double downsample) {
    /** Image property holding the slide file a thumbnail shows. */
    public static final String SLIDE = "GloInOne.Slide";
    /** Image property holding a thumbnail's downsample (level-0 pixels per thumbnail pixel). */
    public static final String DOWNSAMPLE = "GloInOne.Downsample";

    public SlideView {
        Objects.requireNonNull(source, "source");
        if (!(downsample > 0) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException("downsample must be > 0, got " + downsample);
        }
    }

    /** What {@code image} shows: the slide file named in its properties, else the image itself. */
    public static SlideView of(ImagePlus image) {
        String slide = image.getProp(SLIDE);
        String downsample = image.getProp(DOWNSAMPLE);
        if (slide != null && !slide.isEmpty() && downsample != null) {
            try {
                return new SlideView(new SlideSource.File(Path.of(slide)), Double.parseDouble(downsample));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(image.getTitle() + ": image property " + DOWNSAMPLE
                        + " is not a number: '" + downsample + "'", e);
            }
        }
        return new SlideView(new SlideSource.Image(image), 1);
    }

    /** Marks {@code thumbnail} as showing {@code slide} at {@code downsample}, for {@link #of}. */
    public static void mark(ImagePlus thumbnail, Path slide, double downsample) {
        thumbnail.setProp(SLIDE, slide.toString());
        thumbnail.setProp(DOWNSAMPLE, Double.toString(downsample));
    }
}
