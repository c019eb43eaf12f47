package org.gloinone.train;

/**
 * One crop of the crops layout: an RGB image centred on one glomerulus, its mask, its label and its slide.
 *
 * @param name      image path as listed in labels.csv
 * @param image     RGB in 0-1
 * @param mask      glomerulus mask in 0-1
 * @param sclerosed globally sclerosed (GS)
 * @param slideId   source slide
 */
public record GlomerulusCrop(String name, FloatImage image, FloatImage mask, boolean sclerosed, String slideId) {
}
