package org.gloinone.eval;

/** Chooses how a detector model is run over a labelled tile for evaluation. */
public final class TileDetectors {
    /**
     * Lowest detection score kept for evaluation: low, so that AP sees nearly the whole ranking (COCO evaluates
     * up to 100 detections per image whatever their score); the model's top_k still caps the count per tile.
     */
    public static final double AP_SCORE_FLOOR = 0.01;

    private TileDetectors() {
    }

    /** The pipeline's detector for a loaded detector model, one tile per network call. */
    public static TileDetector of(LoadedModel model) {
        return new PipelineTileDetector(model.spec(), model.predictor(), AP_SCORE_FLOOR, 1);
    }
}
