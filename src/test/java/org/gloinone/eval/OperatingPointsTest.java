package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.junit.jupiter.api.Test;

/** The choice of thresholds when pairs nearly tie, counted by hand. */
class OperatingPointsTest {
    private static final double[] SCORES = {0.5, 0.95};
    private static final double[] REJECTS = {0.5, 0.7, 1.0};

    @Test
    void aNearTieGoesToThePairThatReportsFewer() {
        // 8 glomeruli, one of them doubtful (p 0.6); 4 tubules at p 0.3, one at 0.6, one at 0.8.
        OperatingPoints.Image image = image(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.6},
                new double[] {0.3, 0.3, 0.3, 0.3, 0.6, 0.8});
        List<OperatingPoints.Image> images = List.of(image);
        assertEquals(16.0 / 22, OperatingPoints.score(images, 0.5, 1.0).f1(), 1e-12); // TP 8, FP 6
        assertEquals(16.0 / 21, OperatingPoints.score(images, 0.5, 0.7).f1(), 1e-12); // TP 8, FP 5: the best
        assertEquals(14.0 / 19, OperatingPoints.score(images, 0.5, 0.5).f1(), 1e-12); // TP 7, FP 4, FN 1
        assertEquals(0.0, OperatingPoints.score(images, 0.95, 0.5).f1());             // nothing reported

        // 16/21 - 14/19 = 0.025, less than one found glomerulus is worth (2/21): a tie, and 0.5 reports 11, not 13.
        OperatingPoints.Choice chosen = OperatingPoints.best(images, SCORES, REJECTS);
        assertEquals(List.of(0.5, 0.5), List.of(chosen.scoreThreshold(), chosen.rejectThreshold()));
        assertEquals(List.of(7L, 4L, 1L),
                List.of(chosen.truePositives(), chosen.falsePositives(), chosen.falseNegatives()));
        assertEquals(11, chosen.reported());
    }

    @Test
    void losingMoreThanOneGlomerulusIsNoTie() {
        // As above, but three glomeruli are doubtful: rejecting at 0.5 loses them to drop one tubule.
        OperatingPoints.Image image = image(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.6, 0.6, 0.6},
                new double[] {0.3, 0.3, 0.3, 0.3, 0.6, 0.8});
        List<OperatingPoints.Image> images = List.of(image);
        assertEquals(10.0 / 17, OperatingPoints.score(images, 0.5, 0.5).f1(), 1e-12); // TP 5, FP 4, FN 3
        OperatingPoints.Choice chosen = OperatingPoints.best(images, SCORES, REJECTS);
        assertEquals(List.of(0.5, 0.7), List.of(chosen.scoreThreshold(), chosen.rejectThreshold()));
        assertEquals(16.0 / 21, chosen.f1(), 1e-12);
    }

    @Test
    void imagesWithNothingToFindAndNothingFoundFallToTheStrictestPair() {
        OperatingPoints.Image empty = new OperatingPoints.Image("empty",
                TileGroundTruth.fromMask(new BinaryMask(40, 40, new boolean[1600]), 1.0, 10), List.of(),
                new double[0]);
        OperatingPoints.Choice chosen = OperatingPoints.best(List.of(empty), SCORES, REJECTS);
        assertEquals(List.of(0.95, 0.5), List.of(chosen.scoreThreshold(), chosen.rejectThreshold()));
        assertEquals(Double.NaN, chosen.f1());
    }

    /**
     * A 200x40 tile at 1 um/px: one 6x6 glomerulus every 20 px along the top row, one detection on each (score
     * 0.9, the given non-glomerular probabilities), and tubules detected along the bottom row.
     */
    private static OperatingPoints.Image image(double[] glomeruli, double[] tubules) {
        int width = 200;
        boolean[] p = new boolean[width * 40];
        List<Detection> detections = new ArrayList<>();
        double[] nonGlomerular = new double[glomeruli.length + tubules.length];
        for (int g = 0; g < glomeruli.length; g++) {
            for (int y = 2; y < 8; y++) {
                for (int x = 20 * g + 2; x < 20 * g + 8; x++) {
                    p[y * width + x] = true;
                }
            }
            detections.add(new Detection(new Circle(20 * g + 4.5, 4.5, 3.4), 0.9));
            nonGlomerular[g] = glomeruli[g];
        }
        for (int t = 0; t < tubules.length; t++) {
            detections.add(new Detection(new Circle(20 * t + 10, 30, 3), 0.9));
            nonGlomerular[glomeruli.length + t] = tubules[t];
        }
        return new OperatingPoints.Image("tile", TileGroundTruth.fromMask(new BinaryMask(width, 40, p), 1.0, 10),
                detections, nonGlomerular);
    }
}
