package org.gloinone.pipeline;

import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.detect.DetectionRun;
import org.gloinone.detect.DetectionSettings;
import org.gloinone.detect.Detector;
import org.gloinone.model.ModelException;
import org.gloinone.slide.InMemorySlide;
import org.junit.jupiter.api.Test;

/** The streaming detector with a real network on a generated slide, stage by stage. */
class DetectorOnSyntheticSlideTest {
    private static final InMemorySlide SLIDE = SyntheticSlide.create();

    private static DetectionRun detect(StageModel model, double nmsIou, int batch) throws IOException, ModelException {
        return new Detector(model.spec(), model.predictor()).detect(SLIDE,
                new DetectionSettings(0.3, nmsIou, true, 0.01, batch), ProgressListener.SILENT, new CancellationToken());
    }

    @Test
    void borderFilterLeavesOnlyWholeGlomeruliBeforeNms() throws IOException, ModelException {
        StageModel model = SyntheticModels.detector();
        try {
            // IoU threshold 1 switches NMS off: what is left comes straight from the tiles.
            DetectionRun raw = detect(model, 1.0, 2);
            // Analysed tiles: columns at x 0-1024 and 724-1748 um, rows at y 0-1024 and 176-1200 um. Six discs
            // lie whole in both rows, so they are found twice; the blob at y = 1020 um (r 45) is cut by the
            // first row's bottom edge and found once. Discs at x = 750 and 760 um are cut by the second column's
            // left edge, the one at x = 1150 um by the first column's right edge: the border filter drops
            // those copies, which would otherwise add 4 shifted circles.
            assertEquals(13, raw.detections().size(), "detections " + raw.detections());
            for (Detection d : raw.detections()) {
                double error = nearestError(d.circle());
                assertTrue(error < 10, "a cut glomerulus slipped through the border filter: " + d + " off by " + error);
            }
            DetectionRun merged = detect(model, 0.35, 2);
            assertEquals(7, merged.detections().size());
            assertEquals(8, merged.tilesPlanned());
            assertEquals(4, merged.tilesSkipped());
        } finally {
            model.predictor().close();
        }
    }

    @Test
    void sameDetectionsWithOneOrTwoTensorFlowThreads() throws IOException, ModelException {
        StageModel one = SyntheticModels.detector(1);
        StageModel two = SyntheticModels.detector(2);
        try {
            List<Detection> a = detect(one, 0.35, 1).detections();
            List<Detection> b = detect(two, 0.35, 1).detections();
            assertEquals(a, b);
        } finally {
            one.predictor().close();
            two.predictor().close();
        }
    }

    private static double nearestError(Circle c) {
        double best = Double.POSITIVE_INFINITY;
        for (SyntheticSlide.Disc d : SyntheticSlide.DISCS) {
            best = Math.min(best, Math.hypot(c.centerX() * SyntheticSlide.MPP - d.xMicrons(),
                    c.centerY() * SyntheticSlide.MPP - d.yMicrons()));
        }
        return best;
    }
}
