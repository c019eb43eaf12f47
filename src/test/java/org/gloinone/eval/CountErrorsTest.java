package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Count errors, percent sclerosed and the resolution sweep, on examples worked out by hand. */
class CountErrorsTest {

    @Test
    void countErrorsAreAveragedImageByImage() {
        CountErrors c = new CountErrors(List.of(
                new ImageCount("a", 4, 5, 1, 2),   // +1; 25 % true, 40 % found: +15 points
                new ImageCount("b", 2, 1, 1, 0),   // -1; 50 % true, 0 % found: -50 points
                new ImageCount("c", 0, 1)));       // +1; no glomeruli, no relative error, no classes
        assertEquals(6, c.truth());
        assertEquals(7, c.found());
        assertEquals(1.0 / 3, c.meanSignedError(), 1e-12);
        assertEquals(1.0, c.meanAbsoluteError(), 1e-12);
        assertEquals((0.25 - 0.5) / 2, c.meanRelativeError(), 1e-12);
        assertEquals((0.25 + 0.5) / 2, c.meanAbsoluteRelativeError(), 1e-12);
        assertEquals((15 + 50) / 2.0, c.meanAbsolutePercentSclerosedError(), 1e-12);
        assertEquals(15, c.images().get(0).percentSclerosedError(), 1e-12);
        assertTrue(Double.isNaN(c.images().get(2).relativeError()));
        assertFalse(c.images().get(2).hasClasses());
        assertTrue(Double.isNaN(new CountErrors(List.of()).meanAbsoluteError()));
        assertThrows(IllegalArgumentException.class, () -> new ImageCount("d", 2, 1, 3, 0));
    }

    @Test
    void theCountTakesDetectionsAtTheThresholdOutsideIgnoreRegions() {
        TileGroundTruth truth = twoGlomeruliAndAFragment();
        List<Detection> detections = List.of(
                new Detection(truth.circles().get(0), 0.9),         // first glomerulus
                new Detection(new Circle(15, 3, 1.5), 0.8),         // on nothing
                new Detection(new Circle(16.5, 16.5, 1), 0.85),     // centre in the fragment: not counted
                new Detection(truth.circles().get(1), 0.6));        // second glomerulus, below 0.75
        DetectionEvaluation eval = new DetectionEvaluation();
        eval.add("tile", detections, truth, new DetectionEvaluation.SclerosisLabels(List.of(true, false),
                List.of(false, true, true, false)));
        ImageCount at75 = eval.scores(0.75).counts().images().get(0);
        assertEquals(2, at75.truth());
        assertEquals(2, at75.found());               // 0.9 and 0.8; the ignored one does not count
        assertEquals(0, at75.signedError());
        assertEquals(1, at75.truthSclerosed());
        assertEquals(1, at75.foundSclerosed());      // the false positive was called sclerosed
        assertEquals(0, at75.percentSclerosedError(), 1e-12);
        ImageCount at5 = eval.scores(0.5).counts().images().get(0);
        assertEquals(3, at5.found());
        assertEquals(100.0 / 3 - 50, at5.percentSclerosedError(), 1e-12);
        ImageCount at95 = eval.scores(0.95).counts().images().get(0);
        assertEquals(-2, at95.signedError());
        assertEquals(-1.0, at95.relativeError(), 1e-12);
    }

    @Test
    void tileClassesComeFromLabelledPoints(@TempDir Path dir) throws Exception {
        TileGroundTruth truth = twoGlomeruliAndAFragment();
        Files.writeString(dir.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\n"
                + "t.png,4,4,1\nt.png,12.5,12.5,0\nt.png,16,16,1\n");
        TileClassLabels labels = TileClassLabels.read(dir);
        assertEquals(List.of(true, false), labels.sclerosed("t.png", truth)); // the fragment's row is ignored
        assertNull(labels.sclerosed("other.png", truth));

        Files.writeString(dir.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\nt.png,4,4,1\n");
        DatasetException missing = assertThrows(DatasetException.class,
                () -> TileClassLabels.read(dir).sclerosed("t.png", truth));
        assertTrue(missing.getMessage().contains("glomerulus at (12, 12) has no row"), missing.getMessage());

        Files.writeString(dir.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\nt.png,0,19,1\n");
        DatasetException nowhere = assertThrows(DatasetException.class,
                () -> TileClassLabels.read(dir).sclerosed("t.png", truth));
        assertTrue(nowhere.getMessage().contains("line 2") && nowhere.getMessage().contains("on no glomerulus"),
                nowhere.getMessage());

        Files.writeString(dir.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\nt.png,four,4,1\n");
        assertThrows(DatasetException.class, () -> TileClassLabels.read(dir));
        assertNull(TileClassLabels.read(dir.resolve("absent")).sclerosed("t.png", truth));
    }

    @Test
    void aTileRenderedCoarserIsAreaAveragedAndDetectionsMapBack(@TempDir Path dir) throws Exception {
        // 20x20 at 1 um/px; columns alternate 0 and 200 in red, so 2x2 area averages are 100 everywhere.
        int[] argb = new int[400];
        for (int i = 0; i < 400; i++) {
            argb[i] = 0xFF000000 | ((i % 2 == 0 ? 0 : 200) << 16);
        }
        RenderedTile r = RenderedTile.of(new RgbImage(20, 20, argb), 1.0, 2.0);
        assertEquals(10, r.image().width());
        assertEquals(2.0, r.micronsPerPixel(), 1e-12);
        for (int p : r.image().argb()) {
            assertEquals(100, (p >> 16) & 0xFF, 1);
        }
        Detection back = r.toTile(List.of(new Detection(new Circle(2.25, 3, 1.5), 0.5))).get(0);
        assertEquals(new Circle(4.5, 6, 3), back.circle());
        // 7 px wide at 1 um/px rendered at 3 um/px rounds to 2 px, which carry 3.5 um/px
        assertEquals(3.5, RenderedTile.of(new RgbImage(7, 7, new int[49]), 1.0, 3.0).micronsPerPixel(), 1e-12);
    }

    @Test
    void theEvaluatorScoresEachResolutionAgainstTheTileTruthAndDropsRejectedDetections(@TempDir Path dir)
            throws Exception {
        TileGroundTruth truth = twoGlomeruliAndAFragment();
        LabelledTile tile = writeTile(dir, "t.png", truth);
        List<double[]> seen = new ArrayList<>();
        // Finds both glomeruli wherever it is run, plus one false positive; reports circles in its input's pixels.
        TileDetector detector = (image, mpp) -> {
            seen.add(new double[] {image.width(), mpp});
            double s = 1.0 / mpp;
            List<Detection> out = new ArrayList<>();
            for (Circle c : truth.circles()) {
                out.add(new Detection(new Circle(c.centerX() * s, c.centerY() * s, c.radius() * s), 0.9));
            }
            out.add(new Detection(new Circle(15 * s, 3 * s, 1.5 * s), 0.8));
            return out;
        };
        TileDetectionEvaluator plain = new TileDetectionEvaluator(detector, 1.0, 10, 0.5);
        DetectionReport native1 = plain.evaluate(List.of(tile));
        DetectionReport coarse = plain.evaluate(List.of(tile), 2.0);
        assertEquals(List.of(20.0, 1.0), List.of(seen.get(0)[0], seen.get(0)[1]));
        assertEquals(List.of(10.0, 2.0), List.of(seen.get(1)[0], seen.get(1)[1]));
        for (DetectionReport r : List.of(native1, coarse)) {
            assertEquals(1.0, r.scores().recall(), 1e-12);
            assertEquals(2.0 / 3, r.scores().precision(), 1e-12);
            assertEquals(1, r.scores().counts().images().get(0).signedError());
        }
        // A classifier that rejects the false positive and calls the first glomerulus sclerosed.
        DetectionClassifier classifier = (image, mpp, detections) -> detections.stream()
                .map(d -> new DetectionClassifier.Answer(d.circle().centerY() * mpp < 8 && d.circle().centerX() * mpp > 10
                        ? DetectionClassifier.Verdict.REJECTED
                        : d.circle().centerX() * mpp < 8 ? DetectionClassifier.Verdict.SCLEROSED
                        : DetectionClassifier.Verdict.NOT_SCLEROSED, 0)).toList();
        Files.writeString(dir.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\nt.png,4,4,0\nt.png,12,12,0\n");
        DetectionReport filtered = new TileDetectionEvaluator(detector, classifier, TileClassLabels.read(dir), 1.0,
                10, 0.5, false).evaluate(List.of(tile), 2.0);
        ImageCount c = filtered.scores().counts().images().get(0);
        assertEquals(0, c.signedError());
        assertEquals(1.0, filtered.scores().precision(), 1e-12);
        assertEquals(50, c.percentSclerosedError(), 1e-12);   // 1 of 2 found sclerosed, none truly

        JsonNode json = new ObjectMapper().readTree(ReportJson.detection(TinyModels.greenClassifierSpec(), 1.0, 10, false,
                1, filtered.scores(), List.of(new ResolutionScores(2.0, coarse.scores()))));
        assertEquals(0, json.get("count").get("mean_absolute_error").asDouble(), 1e-12);
        assertEquals(50, json.get("count").get("mean_absolute_percent_sclerosed_error").asDouble(), 1e-12);
        assertEquals(50, json.get("per_image").get(0).get("found_percent_sclerosed").asDouble(), 1e-12);
        assertEquals(2.0, json.get("resolutions").get(0).get("microns_per_pixel").asDouble(), 1e-12);
        assertEquals(0.5, json.get("resolutions").get(0).get("count").get("mean_relative_error").asDouble(), 1e-12);
    }

    @Test
    void theThresholdsAreChosenForTheBestF1OfReportedGlomeruli() {
        TileGroundTruth truth = twoGlomeruliAndAFragment();
        List<Detection> d = List.of(
                new Detection(truth.circles().get(0), 0.9),        // glomerulus, p(non-glomerular) 0.1
                new Detection(new Circle(15, 3, 1.5), 0.8),        // tubule, 0.7
                new Detection(truth.circles().get(1), 0.3),        // faint glomerulus, 0.4
                new Detection(new Circle(3, 15, 1.5), 0.6));       // tubule the classifier misses, 0.3
        List<OperatingPoints.Image> images = List.of(
                new OperatingPoints.Image("t", truth, d, new double[] {0.1, 0.7, 0.4, 0.3}));
        OperatingPoints.Choice all = OperatingPoints.score(images, 0.25, 1.0);
        assertEquals(List.of(2L, 2L, 0L), List.of(all.truePositives(), all.falsePositives(), all.falseNegatives()));
        assertEquals(4.0 / 6, all.f1(), 1e-12);
        assertEquals(2.0 / 4, OperatingPoints.score(images, 0.5, 0.5).f1(), 1e-12);  // 0.9 and 0.6 kept
        assertEquals(2.0 / 3, OperatingPoints.score(images, 0.75, 0.5).f1(), 1e-12); // 0.9 alone
        OperatingPoints.Choice best = OperatingPoints.best(images, new double[] {0.25}, new double[] {0.5, 1.0});
        assertEquals(0.25, best.scoreThreshold());
        assertEquals(0.5, best.rejectThreshold());
        assertEquals(0.8, best.f1(), 1e-12);                                          // TP 2, FP 1
        // Over 2 glomeruli one found glomerulus is worth 0.4 of F1 (2 / 5), so (0.75, 0.5), which reports the 0.9
        // alone (F1 2/3), ties with (0.25, 0.5) and wins by reporting fewer.
        OperatingPoints.Choice strict = OperatingPoints.best(images, new double[] {0.25, 0.5, 0.75},
                new double[] {0.5, 1.0});
        assertEquals(List.of(0.75, 0.5), List.of(strict.scoreThreshold(), strict.rejectThreshold()));
        assertEquals(0.05, OperatingPoints.SCORE_GRID[0]);
        assertEquals(0.95, OperatingPoints.SCORE_GRID[OperatingPoints.SCORE_GRID.length - 1]);
        assertEquals(1.0, OperatingPoints.REJECT_GRID[OperatingPoints.REJECT_GRID.length - 1]);
    }

    /** 20x20 at 1 um/px: a 5x5 glomerulus at (2..6), a 4x4 one at (10..13), a 2x2 fragment at (15..16). */
    private static TileGroundTruth twoGlomeruliAndAFragment() {
        return TileGroundTruth.fromMask(mask(), 1.0, 10);
    }

    private static BinaryMask mask() {
        boolean[] p = new boolean[400];
        fill(p, 2, 6);
        fill(p, 10, 13);
        fill(p, 15, 16);
        return new BinaryMask(20, 20, p);
    }

    private static void fill(boolean[] p, int from, int to) {
        for (int y = from; y <= to; y++) {
            for (int x = from; x <= to; x++) {
                p[y * 20 + x] = true;
            }
        }
    }

    private static LabelledTile writeTile(Path dir, String name, TileGroundTruth truth) throws IOException {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        BinaryMask m = mask();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                image.setRGB(x, y, 0xE0C0D0);
                mask.setRGB(x, y, m.get(x, y) ? 0xFF0000 : 0);
            }
        }
        Path img = dir.resolve("images").resolve(name);
        Path msk = dir.resolve("masks").resolve(name);
        Files.createDirectories(img.getParent());
        Files.createDirectories(msk.getParent());
        ImageIO.write(image, "png", img.toFile());
        ImageIO.write(mask, "png", msk.toFile());
        return new LabelledTile(name, img, msk);
    }
}
