package org.gloinone.eval;

import java.io.IOException;
import java.util.List;

import org.gloinone.detect.Detection;
import org.gloinone.model.ModelException;

/**
 * Finds glomeruli in one whole labelled tile: the detection stage as the evaluation sees it.
 * Implementations return detections down to a low score, so that average precision sees the whole ranking;
 * the evaluation applies the model's score threshold itself where a threshold is needed.
 */
public interface TileDetector {

    /**
     * Detects glomeruli.
     *
     * @param tile            the tile's pixels
     * @param micronsPerPixel the tile's pixel size
     * @return circles in the tile's pixel coordinates (pixel (i, j) covers [i, i+1) x [j, j+1))
     * @throws IOException    if the pixels cannot be resampled
     * @throws ModelException if the network fails
     */
    List<Detection> detect(RgbImage tile, double micronsPerPixel) throws IOException, ModelException;
}
