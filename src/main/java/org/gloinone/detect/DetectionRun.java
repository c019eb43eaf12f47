package org.gloinone.detect;

import java.util.List;
import java.util.Objects;

import org.gloinone.stain.StainNormalisation;

/**
 * The outcome of detection on one slide.
 *
 * @param detections     circles after slide-level NMS, highest score first
 * @param tilesPlanned   tiles in the plan
 * @param tilesSkipped   tiles skipped for too little tissue
 * @param tissueAreaMm2  tissue area (the whole slide without a tissue mask)
 * @param tissueMaskNanos time spent building the tissue mask
 * @param readNanos      time the reader thread spent reading and preparing tiles
 * @param predictNanos   time spent inside the network
 * @param wallNanos      wall time of the whole detection
 * @param stain          the factors the slide was restained by to the detector's training stain
 *                       ({@link StainNormalisation#NONE} when its package records no training stain)
 */
public record DetectionRun(List<Detection> detections, int tilesPlanned, int tilesSkipped, double tissueAreaMm2,
                           long tissueMaskNanos, long readNanos, long predictNanos, long wallNanos,
                           StainNormalisation stain) {
    public DetectionRun {
        Objects.requireNonNull(stain, "stain");
        detections = List.copyOf(detections);
    }

    /** Tiles actually analysed. */
    public int tilesAnalysed() {
        return tilesPlanned - tilesSkipped;
    }
}
