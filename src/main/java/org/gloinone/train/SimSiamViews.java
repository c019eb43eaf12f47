package org.gloinone.train;

import java.util.Random;

/**
 * The two random views of one unlabelled image that SimSiam compares: a random resized crop (a square of
 * {@code minArea} to all of the region's area, anywhere inside it; square because glomeruli have no preferred
 * aspect), a random flip and quarter turn, brightness, contrast and saturation jitter, then the HED stain jitter,
 * blur and noise of an {@link Augmenter}.
 *
 * @param minArea      smallest share of the region's area a view covers
 * @param colourJitter strength of the brightness, contrast and saturation jitter (SimSiam: 0.4)
 * @param colourChance probability of that jitter (SimSiam: 0.8)
 * @param stain        the stain, blur and noise jitter (its geometric settings are unused)
 */
public record SimSiamViews(double minArea, double colourJitter, double colourChance, Augmenter stain) {
    public SimSiamViews {
        if (!(minArea > 0 && minArea <= 1)) {
            throw new IllegalArgumentException("minArea must be in (0, 1], got " + minArea);
        }
    }

    /** The settings of the pretraining: stronger than the classifier's own augmentation, as in SimSiam. */
    public static SimSiamViews standard() {
        return new SimSiamViews(0.3, 0.4, 0.8, new Augmenter(0, 0, 0.08, 0.5, 0.02));
    }

    /**
     * A square part of an image: a glomerulus crop or a window of a tile.
     *
     * @param image   the source image
     * @param centerX source x of the centre
     * @param centerY source y of the centre
     * @param side    edge in source pixels
     */
    public record Region(FloatImage image, double centerX, double centerY, double side) {
        /** The whole of a square crop. */
        public static Region whole(FloatImage image) {
            return new Region(image, image.width() / 2.0, image.height() / 2.0, image.width());
        }
    }

    /** One random view of {@code region}, {@code size} pixels square. */
    public FloatImage view(Random rnd, Region region, int size) {
        double side = region.side() * Math.sqrt(minArea + rnd.nextDouble() * (1 - minArea));
        double slack = (region.side() - side) / 2;
        Warp warp = new Warp(region.centerX() + (rnd.nextDouble() * 2 - 1) * slack,
                region.centerY() + (rnd.nextDouble() * 2 - 1) * slack, side / size, rnd.nextInt(4), rnd.nextBoolean());
        FloatImage v = warp.sample(region.image(), size);
        if (rnd.nextDouble() < colourChance) {
            jitter(rnd, v);
        }
        stain.jitterColour(rnd, v);
        return v;
    }

    /** The plain centred view (the watch set of the collapse check, the probe's features). */
    public static FloatImage plain(Region region, int size) {
        return new Warp(region.centerX(), region.centerY(), region.side() / size, 0, false)
                .sample(region.image(), size);
    }

    /** Brightness (scale), contrast (towards the mean grey) and saturation (towards each pixel's grey). */
    private void jitter(Random rnd, FloatImage rgb) {
        float brightness = (float) (1 + (rnd.nextDouble() * 2 - 1) * colourJitter);
        float contrast = (float) (1 + (rnd.nextDouble() * 2 - 1) * colourJitter);
        float saturation = (float) (1 + (rnd.nextDouble() * 2 - 1) * colourJitter);
        float[] d = rgb.data();
        double sum = 0;
        for (float f : d) {
            sum += f;
        }
        float mean = (float) (sum / d.length) * brightness;
        for (int i = 0; i < d.length; i += 3) {
            float r = d[i] * brightness;
            float g = d[i + 1] * brightness;
            float b = d[i + 2] * brightness;
            float grey = 0.299f * r + 0.587f * g + 0.114f * b;
            d[i] = clamp(mean + (grey + (r - grey) * saturation - mean) * contrast);
            d[i + 1] = clamp(mean + (grey + (g - grey) * saturation - mean) * contrast);
            d[i + 2] = clamp(mean + (grey + (b - grey) * saturation - mean) * contrast);
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
