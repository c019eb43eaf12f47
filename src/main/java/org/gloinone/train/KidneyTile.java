package org.gloinone.train;

import java.util.List;

import org.gloinone.detect.Circle;

/**
 * One tile of the kidney-tiles layout at the resolution it was loaded at.
 *
 * @param id      numeric tile id (neighbouring ids are neighbouring tiles of one slide)
 * @param image   RGB in 0-1
 * @param mask    glomerulus mask in 0-1
 * @param circles glomeruli in pixels of this resolution
 */
public record KidneyTile(int id, FloatImage image, FloatImage mask, List<Circle> circles) {
    public KidneyTile {
        circles = List.copyOf(circles);
    }
}
