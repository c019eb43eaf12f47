package org.gloinone.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Random;

import org.gloinone.eval.ImageSlide;
import org.gloinone.eval.RgbImage;
import org.gloinone.slide.Slide;

import org.junit.jupiter.api.Test;

/** How strongly a slide is stained, and restaining it to a model's stain. */
class StainNormalisationTest {
    /** Blocks of one colour, as wide as the estimate's pixel at 0.5 um/px, so averaging keeps their densities. */
    private static final int BLOCK = 16;
    private static final int SIDE = 1024;
    private static final double MPP = 0.5;

    @Test
    void densitiesScaleWithEachStain() {
        StainDensities plain = StainDensities.ofPixels(tissue(64, 1, 1, 7).argb()).orElseThrow();
        StainDensities shifted = StainDensities.ofPixels(tissue(64, 1.5, 0.7, 7).argb()).orElseThrow();
        assertEquals(1.5, shifted.haematoxylin() / plain.haematoxylin(), 0.03);
        assertEquals(0.7, shifted.eosin() / plain.eosin(), 0.03);
        // the tissue's H densities reach 0.08: the 99th percentile of the denser pixels lies near the top
        assertTrue(plain.haematoxylin() > 0.07 && plain.haematoxylin() < 0.081, plain.toString());
    }

    @Test
    void aLargeSlideIsMeasuredOnEvenlySpacedStripsAlike() throws IOException {
        RgbImage large = tissue(2100, 1, 1, 13); // 4.4 M pixels at 8 um/px: more than an estimate reads
        Slide slide = new ImageSlide(Path.of("large.png"), large, OptionalDouble.of(StainDensities.MICRONS_PER_PIXEL));
        StainDensities sampled = StainDensities.of(slide).orElseThrow();
        StainDensities whole = StainDensities.ofPixels(large.argb()).orElseThrow();
        assertTrue(Math.abs(sampled.haematoxylin() / whole.haematoxylin() - 1) < 0.01, sampled + " vs " + whole);
        assertTrue(Math.abs(sampled.eosin() / whole.eosin() - 1) < 0.01, sampled + " vs " + whole);
    }

    @Test
    void transparentAndBlackPixelsDoNotCountAndGlassAloneHasNoStain() {
        int[] tissue = tissue(64, 1, 1, 3).argb();
        int[] withBorders = new int[tissue.length * 2];
        System.arraycopy(tissue, 0, withBorders, 0, tissue.length);
        for (int i = tissue.length; i < withBorders.length; i++) {
            withBorders[i] = i % 2 == 0 ? 0 : 0xff050505; // transparent, or a scanner's black border
        }
        assertEquals(StainDensities.ofPixels(tissue), StainDensities.ofPixels(withBorders));
        int[] glass = new int[4096];
        java.util.Arrays.fill(glass, 0xfff4f4f2);
        assertTrue(StainDensities.ofPixels(glass).isEmpty());
    }

    @Test
    void factorsTakeTheSlideToTheReferenceWithinTheAllowedRange() {
        StainNormalisation f = new StainDensities(0.02, 0.03).towards(new StainDensities(0.07, 0.024));
        assertEquals(2.0, f.haematoxylin(), 1e-12, "3.5 is clamped to 2");
        assertEquals(0.8, f.eosin(), 1e-12);
        assertEquals("H x2.00, E x0.80", f.describe());
        assertThrows(IllegalArgumentException.class, () -> new StainNormalisation(0.4, 1));
        assertThrows(IllegalArgumentException.class, () -> new StainDensities(0, 0.1));
    }

    @Test
    void aDarkerSlideIsRestainedBackToTheReference() throws IOException {
        RgbImage scanned = blocks(tissue(SIDE / BLOCK, 1, 1, 11));
        RgbImage darker = blocks(tissue(SIDE / BLOCK, 1.5, 1.5, 11));
        StainDensities reference = StainDensities.of(slide(scanned)).orElseThrow();
        StainNormalisation factors = StainDensities.restainingFactors(slide(darker), reference);
        assertEquals(1 / 1.5, factors.haematoxylin(), 0.02);
        assertEquals(1 / 1.5, factors.eosin(), 0.02);

        Slide restained = RestainedSlide.of(slide(darker), factors);
        int[] back = restained.readRegion(0, 0, 0, SIDE, SIDE).update(null).getCurrentStorageArray();
        assertTrue(meanChannelDifference(darker.argb(), scanned.argb()) > 15,
                "the darker slide differs: " + meanChannelDifference(darker.argb(), scanned.argb()));
        assertTrue(meanChannelDifference(back, scanned.argb()) < 2.5,
                "restained: " + meanChannelDifference(back, scanned.argb()));
        int[] scaled = restained.readScaled(0, 0, SIDE, SIDE, 64, 64).update(null).getCurrentStorageArray();
        int[] scannedScaled = slide(scanned).readScaled(0, 0, SIDE, SIDE, 64, 64).update(null).getCurrentStorageArray();
        assertTrue(meanChannelDifference(scaled, scannedScaled) < 2.5, "scaled reads are restained too");
        assertEquals(SIDE, restained.levels().get(0).width());
        assertEquals(MPP, restained.requireMicronsPerPixel(), 0);
    }

    @Test
    void noChangeKeepsTheSlideItselfAndASlideWithoutPixelSizeIsLeftAlone() throws IOException {
        Slide s = slide(tissue(4, 1, 1, 1));
        assertSame(s, RestainedSlide.of(s, StainNormalisation.NONE));
        Slide unknown = new ImageSlide(Path.of("t.png"), tissue(64, 1.5, 1.5, 1), OptionalDouble.empty());
        assertSame(StainNormalisation.NONE, StainDensities.restainingFactors(unknown, new StainDensities(0.05, 0.03)));
    }

    @Test
    void theFastRestainerAgreesWithTheExactArithmetic() {
        StainNormalisation f = new StainNormalisation(0.7, 1.6);
        Random random = new Random(5);
        int[] argb = new int[20000];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt();
        }
        int[] fast = new PixelRestainer(f).restain(argb);
        double[] rgb = new double[3];
        for (int i = 0; i < argb.length; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[c] = ((argb[i] >> (16 - 8 * c)) & 0xff) / 255.0;
            }
            HedColour.restain(rgb, new double[] {0.7, 1.6, 1}, new double[] {0, 0, 0});
            for (int c = 0; c < 3; c++) {
                int exact = (int) Math.round(Math.min(1, Math.max(0, rgb[c])) * 255);
                int got = (fast[i] >> (16 - 8 * c)) & 0xff;
                assertTrue(Math.abs(exact - got) <= 1, "pixel " + i + " channel " + c + ": " + got + " vs " + exact);
            }
            assertEquals(argb[i] >>> 24, fast[i] >>> 24, "alpha kept");
        }
    }

    private static Slide slide(RgbImage image) {
        return new ImageSlide(Path.of("tissue.png"), image, OptionalDouble.of(MPP));
    }

    /**
     * A side x side image of seeded random tissue: a third glass, the rest pixels with H density up to 0.08 and E up
     * to 0.05, each multiplied by its factor, as a PAS section stained so would show.
     */
    private static RgbImage tissue(int side, double haematoxylin, double eosin, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[side * side];
        double[] rgb = new double[3];
        for (int i = 0; i < argb.length; i++) {
            boolean glass = random.nextInt(3) == 0;
            double h = glass ? 0.002 * random.nextDouble() : 0.08 * random.nextDouble();
            double e = glass ? 0.002 * random.nextDouble() : 0.05 * random.nextDouble();
            java.util.Arrays.fill(rgb, 1);
            HedColour.restain(rgb, new double[] {1, 1, 1}, new double[] {h * haematoxylin, e * eosin, 0});
            argb[i] = 0xff000000 | channel(rgb[0]) << 16 | channel(rgb[1]) << 8 | channel(rgb[2]);
        }
        return new RgbImage(side, side, argb);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
    }

    private static double meanChannelDifference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff));
            }
        }
        return sum / (3.0 * a.length);
    }

    /** Each pixel as a BLOCK x BLOCK square. */
    private static RgbImage blocks(RgbImage image) {
        int side = image.width() * BLOCK;
        int[] argb = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                argb[y * side + x] = image.argb()[(y / BLOCK) * image.width() + x / BLOCK];
            }
        }
        return new RgbImage(side, side, argb);
    }
}
