package org.gloinone.train;

import java.util.Map;

/** Runs the inference branch of a network on a batch of images (NHWC, RGB 0-1). */
@FunctionalInterface
public interface Inference {
    /**
     * @param images n x h x w x 3 values
     * @param n      number of images
     * @param h      height
     * @param w      width
     * @return the exported outputs by name
     */
    Map<String, float[]> run(float[] images, int n, int h, int w);
}
