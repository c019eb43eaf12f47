package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AugmentationTest {

    @Test
    void warpOutputIsTheInverseOfItsSourceMapping() {
        for (int q = 0; q < 4; q++) {
            for (boolean flip : new boolean[] {false, true}) {
                Warp w = new Warp(30, 40, 1.7, q, flip);
                double[] src = w.source(5, 9, 32);
                // source() gives pixel-index coordinates (centre of pixel i at i); toOutput takes continuous ones
                double[] back = w.toOutput(src[0] + 0.5, src[1] + 0.5, 32);
                assertArrayEquals(new double[] {5.5, 9.5}, back, 1e-9, "turns " + q + " flip " + flip);
            }
        }
    }

    @Test
    void identityWarpCopiesTheImage() {
        GlomerulusCrop c = TrainFixtures.crop(16, false, "s", 1);
        FloatImage same = new Warp(8, 8, 1, 0, false).sample(c.image(), 16);
        assertArrayEquals(c.image().data(), same.data(), 1e-6f);
    }

    @Test
    void quarterTurnMovesACornerToTheNextCorner() {
        FloatImage img = FloatImage.zeros(4, 4, 1);
        img.set(0, 0, 0, 1);
        FloatImage turned = new Warp(2, 2, 1, 1, false).sample(img, 4);
        assertEquals(1, turned.get(3, 0, 0) + turned.get(0, 3, 0), 1e-6, "the marked corner moved to a corner");
        assertEquals(0, turned.get(0, 0, 0), 1e-6);
    }

    @Test
    void stainJitterWithoutStrengthKeepsColours() {
        GlomerulusCrop c = TrainFixtures.crop(16, false, "s", 2);
        FloatImage img = new FloatImage(16, 16, 3, c.image().data().clone());
        new Augmenter(0, 0, 1e-9, 0, 0).jitterColour(new Random(1), img);
        assertArrayEquals(c.image().data(), img.data(), 1e-4f);
    }

    @Test
    void stainJitterChangesColoursWithinRange() {
        GlomerulusCrop c = TrainFixtures.crop(16, false, "s", 3);
        FloatImage img = new FloatImage(16, 16, 3, c.image().data().clone());
        Augmenter.standard().jitterColour(new Random(5), img);
        double diff = 0;
        for (int i = 0; i < img.data().length; i++) {
            assertTrue(img.data()[i] >= 0 && img.data()[i] <= 1);
            diff += Math.abs(img.data()[i] - c.image().data()[i]);
        }
        assertTrue(diff / img.data().length > 1e-3, "jitter changed the colours");
        assertTrue(diff / img.data().length < 0.2, "jitter stayed small");
    }

    @Test
    void aStainFactorSpreadsEachStainLogUniformlyBetweenItsBounds() {
        double[] pas = {0.72, 0.45, 0.68};
        double[] before = org.gloinone.stain.HedColour.densities(pas);
        // no brightness jitter or shift to speak of: only the factors on the densities
        Augmenter augmenter = new Augmenter(0, 0, 1e-9, 0, 0, 0, 1, 0, 1.6);
        Random rnd = new Random(3);
        double min = Double.MAX_VALUE;
        double max = 0;
        int below = 0;
        for (int k = 0; k < 400; k++) {
            FloatImage img = new FloatImage(1, 1, 3, new float[] {0.72f, 0.45f, 0.68f});
            augmenter.jitterColour(rnd, img);
            double[] after = org.gloinone.stain.HedColour.densities(
                    new double[] {img.data()[0], img.data()[1], img.data()[2]});
            double h = after[0] / before[0];
            min = Math.min(min, h);
            max = Math.max(max, h);
            below += h < 1 ? 1 : 0;
        }
        assertTrue(min >= 1 / 1.6 - 1e-3 && max <= 1.6 + 1e-3, min + " " + max);
        assertTrue(min < 1 / 1.5 && max > 1.5, "the factors reach near both bounds: " + min + " " + max);
        assertTrue(below > 160 && below < 240, "as many factors below 1 as above: " + below);
        assertThrows(IllegalArgumentException.class, () -> Augmenter.robust(2.5, 0.9));
    }

    @Test
    void slideSplitKeepsEachSlideOnOneSide() {
        List<String> slides = List.of("a", "a", "b", "b", "b", "c", "d", "d", "e", "e");
        Set<String> val = SlideSplit.validationSlides(slides, 0.3, 1);
        assertTrue(!val.isEmpty() && val.size() < 5);
        long held = slides.stream().filter(val::contains).count();
        assertTrue(held >= 3, "at least 30 % of items held out, got " + held);
        assertEquals(val, SlideSplit.validationSlides(slides, 0.3, 1), "fixed seed gives the same split");
    }

    @Test
    void maskComponentsGiveEnclosingCircles() {
        KidneyTile t = TrainFixtures.tile(1, 64);
        assertEquals(1, t.circles().size());
        assertEquals(64 * 0.3, t.circles().get(0).centerX(), 1.0);
        assertEquals(64 * 0.6, t.circles().get(0).centerY(), 1.0);
        assertEquals(64 * 0.15, t.circles().get(0).radius(), 1.0);
    }

    @Test
    void centreTargetsPutOneAtTheCentreCell() {
        int cells = 8;
        float[] heat = new float[cells * cells];
        float[] off = new float[2 * cells * cells];
        float[] rad = new float[cells * cells];
        float[] mask = new float[cells * cells];
        CenterTargets.fill(List.of(new org.gloinone.detect.Circle(10, 14, 6)), 4, cells, cells, heat, off, rad, mask, 0);
        int k = 3 * cells + 2; // floor(14/4) = 3, floor(10/4) = 2
        assertEquals(1, heat[k]);
        assertEquals(1, mask[k]);
        assertEquals(0.5, off[2 * k], 1e-6);
        assertEquals(0.5, off[2 * k + 1], 1e-6);
        assertEquals(1.5, rad[k], 1e-6);
        assertTrue(heat[k + 1] > 0 && heat[k + 1] < 1);
    }

    @Test
    void areaAverageWeighsPixelsByTheirOverlap() {
        // 3 samples onto 2: each output covers 1.5 inputs.
        float[] out = ExportArtefacts.areaAverage(new float[] {0, 3, 6}, 3, 1, 1, 2, 1);
        assertArrayEquals(new float[] {(0 + 3 * 0.5f) / 1.5f, (3 * 0.5f + 6) / 1.5f}, out, 1e-6f);
    }

    @Test
    void lowMagnificationAveragesAwayFineDetailAndKeepsFlatAreas() {
        FloatImage stripes = FloatImage.zeros(16, 16, 1);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x += 2) {
                stripes.set(x, y, 0, 1);
            }
        }
        ExportArtefacts.lowMagnification(stripes, 2);
        for (float v : stripes.data()) {
            assertEquals(0.5, v, 1e-6); // every 2 x 2 block averages to 0.5
        }
        FloatImage flat = new FloatImage(9, 7, 3, new float[9 * 7 * 3]);
        java.util.Arrays.fill(flat.data(), 0.3f);
        ExportArtefacts.lowMagnification(flat, 2.3);
        for (float v : flat.data()) {
            assertEquals(0.3, v, 1e-6);
        }
    }

    @Test
    void jpegKeepsFlatColoursAndDisturbsSharpEdges() {
        FloatImage img = FloatImage.zeros(16, 16, 3);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                for (int c = 0; c < 3; c++) {
                    img.set(x, y, c, x < 8 ? 0.8f : ((x + y) % 2 == 0 ? 0.1f : 0.9f));
                }
            }
        }
        FloatImage before = new FloatImage(16, 16, 3, img.data().clone());
        ExportArtefacts.jpeg(img, 0.3f);
        double flatError = 0;
        double checkerError = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                double e = Math.abs(img.get(x, y, 1) - before.get(x, y, 1));
                if (x < 6) {
                    flatError = Math.max(flatError, e);
                } else if (x >= 8) {
                    checkerError += e / 128;
                }
            }
        }
        assertTrue(flatError <= 3 / 255.0, "flat area changed by " + flatError);
        assertTrue(checkerError > 0.05, "the checkerboard survived JPEG at 30 %: mean change " + checkerError);
    }

    @Test
    void mirroredWindowsLabelTheMirroredGlomeruli() {
        List<org.gloinone.detect.Circle> m = SceneSynthesizer.withMirrorImages(
                List.of(new org.gloinone.detect.Circle(10, 20, 5)), 100, 50);
        assertEquals(9, m.size());
        assertTrue(m.contains(new org.gloinone.detect.Circle(-9, -19, 5)), m.toString());
        assertTrue(m.contains(new org.gloinone.detect.Circle(189, 79, 5)), m.toString());
        // a pixel sampled just left of the tile is pixel 1 mirrored: its centre 1.5 maps to -0.5
        assertEquals(-0.5, SceneSynthesizer.withMirrorImages(
                List.of(new org.gloinone.detect.Circle(1.5, 1.5, 1)), 4, 4).get(3).centerX(), 1e-12);
    }
}
