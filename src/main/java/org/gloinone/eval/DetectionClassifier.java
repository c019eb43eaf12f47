package org.gloinone.eval;

import java.io.IOException;
import java.util.List;

import org.gloinone.detect.Detection;
import org.gloinone.model.ModelException;

/** The classification stage as the detection evaluation sees it: a verdict for each detection of a tile. */
public interface DetectionClassifier {
    /** What the classifier made of one detection. */
    enum Verdict {
        /** The non-glomerular class: a run drops it. */
        REJECTED,
        /** A glomerulus of a class that is not globally sclerosed. */
        NOT_SCLEROSED,
        /** A globally sclerosed glomerulus. */
        SCLEROSED
    }

    /**
     * The classifier's answer for one detection.
     *
     * @param verdict       what the pipeline makes of it
     * @param nonGlomerular the probability of the non-glomerular class (0 when the model has none)
     */
    record Answer(Verdict verdict, double nonGlomerular) {
    }

    /**
     * Classifies each detection of a tile.
     *
     * @param tile            the tile's pixels
     * @param micronsPerPixel the tile's pixel size
     * @param detections      circles in the tile's pixel coordinates
     * @return one answer per detection, in order
     * @throws IOException    if the patches cannot be resampled
     * @throws ModelException if the network fails
     */
    List<Answer> classify(RgbImage tile, double micronsPerPixel, List<Detection> detections)
            throws IOException, ModelException;
}
