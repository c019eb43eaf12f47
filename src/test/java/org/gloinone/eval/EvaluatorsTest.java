package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gloinone.eval.DetectionOutcome.Kind;
import org.gloinone.model.Predictor;
import org.gloinone.pipeline.StageModel;
import org.junit.jupiter.api.Test;

/**
 * The evaluators on the fixture datasets with tiny fixed-weight models. Expected values were worked out by hand
 * from counts taken directly from the fixture PNGs (see the comments).
 */
class EvaluatorsTest {

    /** Per crop: foreground pixels of its mask, and those in its left half (x < 112). */
    private static final long[][] CROP_MASKS = {{38661, 17191}, {39173, 19739}, {40063, 20121}, {36703, 18973},
        {38504, 18102}};
    private static final long HALF = 112 * 224;

    @Test
    void segmentationOnCrops() throws Exception {
        StageModel m = TinyModels.halfMaskSegmenter();
        try (Predictor network = m.predictor()) {
            SegmentationReport r = new CropSegmentationEvaluator(m.spec(), network, 2)
                    .evaluate(CropDataset.read(Fixtures.crops()));
            assertEquals(5, r.items().size());
            double[] dice = new double[5];
            for (int i = 0; i < 5; i++) {
                long fg = CROP_MASKS[i][0];
                long both = CROP_MASKS[i][1];
                dice[i] = 2.0 * both / (fg + HALF); // the prediction is the left half of the crop
                assertEquals(dice[i], r.items().get(i).dice(), 1e-12, r.items().get(i).name());
                assertEquals((double) both / (fg + HALF - both), r.items().get(i).iou(), 1e-12);
            }
            assertEquals(34382.0 / 63749, r.items().get(0).dice(), 1e-12);
            assertEquals(MeanAndSpread.of(dice), r.dice());
            assertEquals(5, r.dice().n());
        }
    }

    @Test
    void segmentationOfRestainedCropsJudgesTheMaskOfTheRestainedPixels() throws Exception {
        StageModel m = TinyModels.darkPixelSegmenter();
        List<LabelledCrop> crops = CropDataset.read(Fixtures.crops());
        try (Predictor network = m.predictor()) {
            CropSegmentationEvaluator evaluator = new CropSegmentationEvaluator(m.spec(), network, 2);
            SegmentationReport scanned = evaluator.evaluate(crops);
            for (StainShift shift : List.of(StainShift.FADED, StainShift.DARK)) {
                SegmentationReport r = evaluator.evaluate(crops, shift);
                assertEquals(5, r.items().size());
                for (int i = 0; i < 5; i++) {
                    ImageAndMask im = ImageAndMask.read(crops.get(i).image(), crops.get(i).mask());
                    // the patch is the crop's own size, so the mask is the restained pixels darker than mid grey
                    MaskOverlap expected = MaskOverlap.of(im.mask(), darkerThanMidGrey(shift.apply(im.image())));
                    assertEquals(expected.dice(), r.items().get(i).dice(), 1e-12, shift + " " + i);
                    assertEquals(expected.relativeAreaError(), r.items().get(i).relativeAreaError(), 1e-12);
                }
                // a faded section has fewer dark pixels, a dark one more: the stain reached the network
                double shiftOfArea = r.relativeAreaError().mean() - scanned.relativeAreaError().mean();
                assertTrue(shift == StainShift.FADED ? shiftOfArea < -0.05 : shiftOfArea > 0.05, shift + " " + shiftOfArea);
            }
        }
    }

    private static BinaryMask darkerThanMidGrey(RgbImage image) {
        boolean[] dark = new boolean[image.width() * image.height()];
        for (int i = 0; i < dark.length; i++) {
            int p = image.argb()[i];
            // sums of three 8-bit channels are whole numbers, never 382.5: no pixel sits on the threshold
            dark[i] = ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff) < 382.5;
        }
        return new BinaryMask(image.width(), image.height(), dark);
    }

    @Test
    void classificationOnCrops() throws Exception {
        // Mean green per crop: GS 0.54014, GS 0.65662, nonGS 0.65035, nonGS 0.69147, nonGS 0.40163.
        // Logits (0, 12 - 20G, 30 - 60G): the first GS is called sclerosed, the second normal; the last nonGS is most
        // probably non-glomerular (5.90 > 3.97 > 0), and among glomerular classes sclerosed: a false positive.
        // Sclerosed probabilities: 0.753, 0.242, 0.269, 0.139, 0.128: the first GS beats all three nonGS, the
        // second beats two, so AUC = 5/6.
        StageModel m = TinyModels.greenClassifier();
        try (Predictor network = m.predictor()) {
            ClassificationReport r = new CropClassificationEvaluator(m.spec(), network, 3)
                    .evaluate(CropDataset.read(Fixtures.crops()));
            assertEquals(new BinaryConfusion(1, 1, 2, 1), r.confusion());
            assertEquals((0.5 + 2.0 / 3) / 2, r.confusion().balancedAccuracy(), 1e-12);
            assertEquals(0.5, r.confusion().f1(), 1e-12);
            assertEquals(5.0 / 6, r.auc(), 1e-12);
            assertEquals(1, r.rejectedAsNonGlomerular());
            assertEquals(List.of("sclerosed", "normal", "normal", "normal", "non_glomerular"),
                    r.items().stream().map(ClassifiedCrop::predictedClass).toList());
            ClassifiedCrop first = r.items().get(0);
            double g = 0.54014;
            double e1 = Math.exp(12 - 20 * g);
            double e2 = Math.exp(30 - 60 * g);
            assertEquals(e1 / (1 + e1 + e2), first.sclerosedScore(), 5e-4); // G rounded to 5 decimals
            assertEquals(1.0, first.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        }
    }

    @Test
    void detectionOnTiles() throws Exception {
        // Ground truth at 2 um/px with a 2000 um2 minimum: 10150 one glomerulus, 10164 two, 10165 only a 1540 um2
        // fragment (ignore). Every tile gets the same four circles (scores 0.9, 0.8, 0.7, 0.6), whose IoU with their
        // own glomerulus is above 0.98 and with any other below 0.43. Per score: 0.9: TP, FP, FP; 0.8: FP, TP, FP;
        // 0.7: FP, FP, ignored; 0.6: FP, TP, FP. Curve (R, P): (1/3, 1/3), (2/3, 1/3), (2/3, 1/4), (1, 3/11);
        // interpolated: 1/3 at 67 recall levels, 3/11 at 34: AP = (67/3 + 102/11) / 101 = 1043/3333 at every IoU.
        StageModel m = TinyModels.fixedDetector();
        try (Predictor network = m.predictor()) {
            DetectionReport r = new TileDetectionEvaluator(TileDetectors.of(m.spec(), network), TinyModels.TILE_MPP, 2000, 0.75)
                    .evaluate(TileDataset.read(Fixtures.tiles()));
            DetectionScores s = r.scores();
            assertEquals(1043.0 / 3333, s.averagePrecision(), 1e-12);
            assertEquals(1043.0 / 3333, s.ap50(), 1e-12);
            assertEquals(1043.0 / 3333, s.ap75(), 1e-12);
            assertEquals(2.0 / 3, s.recall(), 1e-12); // scores >= 0.75: two true, four false positives
            assertEquals(1.0 / 3, s.precision(), 1e-12);
            assertEquals(3, s.truths());
            assertEquals(1, s.ignoreRegions());
            assertEquals(12, s.detections());
            assertEquals(1, s.ignored());
            List<DetectionOutcome> t10164 = r.images().get(1).outcomes();
            assertEquals(List.of(Kind.FALSE_POSITIVE, Kind.TRUE_POSITIVE, Kind.FALSE_POSITIVE, Kind.TRUE_POSITIVE),
                    t10164.stream().map(DetectionOutcome::kind).toList());
            assertEquals(92.5, t10164.get(1).detection().circle().centerX(), 1e-5);
            assertEquals(137.5, t10164.get(1).detection().circle().centerY(), 1e-5);
            assertEquals(47, t10164.get(1).detection().circle().radius(), 1e-5);
        }
    }

    @Test
    void defaultMinimumAreaMakesTheFragmentAGroundTruth() throws Exception {
        // With 500 um2 the 1540 um2 piece of 10165 counts, and the 0.7 circle there finds it (IoU 0.97).
        // Per score: 0.9: TP, FP, FP; 0.8: FP, TP, FP; 0.7: FP, FP, TP; 0.6: FP, TP, FP over 4 truths.
        // Curve: (1/4, 1/3), (2/4, 1/3), (3/4, 1/3), (1, 4/12): precision 1/3 at every recall level.
        StageModel m = TinyModels.fixedDetector();
        try (Predictor network = m.predictor()) {
            DetectionScores s = new TileDetectionEvaluator(TileDetectors.of(m.spec(), network), TinyModels.TILE_MPP, 500, 0.75)
                    .evaluate(TileDataset.read(Fixtures.tiles())).scores();
            assertEquals(1.0 / 3, s.averagePrecision(), 1e-12);
            assertEquals(4, s.truths());
            assertEquals(0, s.ignored());
        }
    }
}
