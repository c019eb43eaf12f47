package org.gloinone.eval;

import java.io.IOException;

import org.gloinone.detect.Circle;
import org.gloinone.model.ModelException;

/** Segments the glomerulus of one detection in a tile: the segmentation stage as the evaluation sees it. */
public interface GlomerulusSegmenter {

    /**
     * Segments around a circle.
     *
     * @param tile            the tile's pixels
     * @param micronsPerPixel the tile's pixel size
     * @param circle          the detection, in tile pixels
     * @return the predicted glomerulus as a mask of the tile's size
     * @throws IOException    if the pixels cannot be resampled
     * @throws ModelException if the network fails
     */
    BinaryMask segment(RgbImage tile, double micronsPerPixel, Circle circle) throws IOException, ModelException;
}
