package org.gloinone.eval;

import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;

/** Chooses how a detector model is run over a labelled tile for evaluation. */
public final class TileDetectors {
    /**
     * Lowest detection score kept for evaluation: low, so that AP sees nearly the whole ranking (COCO evaluates
     * up to 100 detections per image whatever their score); the model's top_k still caps the count per tile.
     */
    public static final double AP_SCORE_FLOOR = 0.01;

    private TileDetectors() {
    }

    /** The pipeline's detector for a detector model's spec and network, one tile per network call. */
    public static TileDetector of(ModelSpec spec, Predictor predictor) {
        return new PipelineTileDetector(spec, predictor, AP_SCORE_FLOOR, 1);
    }
}
