package org.gloinone.train;

import java.util.Map;

/**
 * One mini-batch: images NHWC (RGB 0-1) and the targets of the task by name, each N x its per-sample shape.
 *
 * @param size    number of samples N
 * @param images  N x size x size x 3 values
 * @param targets target values by name
 */
public record Batch(int size, float[] images, Map<String, float[]> targets) {
    public Batch {
        targets = Map.copyOf(targets);
    }
}
