package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.detect.CircleNms;
import org.gloinone.detect.Detection;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;

/**
 * Decodes the detector heads of one training-time image with the pipeline's own decoder and circle NMS, so that
 * validation and false-positive mining see the circles a run would.
 */
final class TrainingHeadsDecoder {
    private TrainingHeadsDecoder() {
    }

    /**
     * The circles of one image's heads, in its pixels, best first.
     *
     * @param heads     the heatmap (logits), offset and radius outputs of a batch of one, by output name
     * @param w         image width in pixels (a multiple of the stride)
     * @param h         image height in pixels
     * @param threshold lowest score kept
     * @param nmsIou    circle IoU above which the weaker circle is dropped
     * @param umPerPx   the image's pixel size, for the size prior
     */
    static List<Detection> decode(Map<String, float[]> heads, int w, int h, double threshold, double nmsIou,
                                  double umPerPx) {
        return decode(heads, w, h, threshold, nmsIou, umPerPx, 1);
    }

    /** As above, each radius times {@code radiusScale} (a package's {@code detect.radius_scale}). */
    static List<Detection> decode(Map<String, float[]> heads, int w, int h, double threshold, double nmsIou,
                                  double umPerPx, double radiusScale) {
        int stride = CircleNetModel.STRIDE;
        long[] cells = {1, h / stride, w / stride};
        Map<String, FloatTensor> outputs = Map.of(
                DetectorTask.HEATMAP, new FloatTensor(shape(cells, 1), heads.get(DetectorTask.HEATMAP)),
                DetectorTask.OFFSET, new FloatTensor(shape(cells, 2), heads.get(DetectorTask.OFFSET)),
                DetectorTask.RADIUS, new FloatTensor(shape(cells, 1), heads.get(DetectorTask.RADIUS)));
        List<Detection> found = new ArrayList<>();
        try {
            for (org.gloinone.detect.CircleDecoder.Peak p : new org.gloinone.detect.CircleDecoder(
                    ModelPackaging.detectConfig().withRadiusScale(radiusScale), threshold, umPerPx).peaks(outputs, 0)) {
                if (p.radius() > 0) {
                    found.add(new Detection(new Circle(p.x(), p.y(), p.radius()), Math.min(1, p.score())));
                }
            }
        } catch (ModelException e) {
            throw new IllegalStateException("the detector's own heads do not decode: " + e.getMessage(), e);
        }
        return new CircleNms(nmsIou).suppress(found);
    }

    private static long[] shape(long[] cells, int channels) {
        return new long[] {cells[0], cells[1], cells[2], channels};
    }
}
