package org.gloinone.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The built-in reader on real files from the OpenSlide test data, compared with OpenSlide's own decode. */
class TiffSlideRealFilesTest {
    private final TiffSlideBackend backend = new TiffSlideBackend();

    static int[] pixels(ArrayImg<ARGBType, IntArray> img) {
        return img.update(null).getCurrentStorageArray();
    }

    static int[] png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Mean and max absolute channel difference of two opaque ARGB arrays: {mean, max}. */
    static double[] difference(int[] a, int[] b) {
        assertEquals(a.length, b.length);
        long sum = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs(((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff));
                sum += d;
                max = Math.max(max, d);
            }
        }
        return new double[] {sum / (3.0 * a.length), max};
    }

    @Test
    void aperioSmallRegionHasItsLevelMetadataAndAssociatedImages() throws IOException {
        try (Slide slide = backend.open(Fixtures.slide("CMU-1-Small-Region.svs"))) {
            assertEquals("tiff", slide.backendName());
            assertEquals("aperio-svs", slide.formatName());
            assertEquals(List.of(new SlideLevel(2220, 2967, 1.0)), slide.levels());
            assertEquals(0.499, slide.micronsPerPixelX().getAsDouble(), 1e-9);
            assertEquals(0.499, slide.micronsPerPixelY().getAsDouble(), 1e-9);
            assertEquals(20, slide.objectiveMagnification().getAsDouble(), 1e-9);
            assertEquals(Set.of("label", "macro", "thumbnail"), slide.associatedImageNames());
            for (String name : slide.associatedImageNames()) {
                ArrayImg<ARGBType, IntArray> img = slide.readAssociatedImage(name);
                assertTrue(img.dimension(0) > 10 && img.dimension(1) > 10, name);
                int[] px = pixels(img);
                assertTrue(java.util.Arrays.stream(px).allMatch(p -> (p >>> 24) == 0xff), name + " is opaque");
                assertTrue(java.util.Arrays.stream(px).distinct().count() > 10, name + " has content");
            }
        }
    }

    @Test
    void aperioRegionMatchesOpenSlideWithinJpegRounding() throws IOException {
        int[] expected = png(Fixtures.slide("CMU-1-Small-Region-600-800-512.png"));
        try (Slide slide = backend.open(Fixtures.slide("CMU-1-Small-Region.svs"))) {
            int[] actual = pixels(slide.readRegion(0, 600, 800, 512, 512));
            double[] diff = difference(actual, expected);
            assertTrue(diff[0] < 1.0, "mean abs difference " + diff[0]);
            assertTrue(diff[1] < 8, "max abs difference " + diff[1]);
        }
    }

    @Test
    void aperioRegionMatchesTheSharedRawOpenSlideDecode() throws IOException {
        Path raw = Path.of("../shared/data/slides/CMU-1-Small-Region.svs.region.rgb");
        Assumptions.assumeTrue(Files.isRegularFile(raw), "../shared/data is absent: skipping the raw RGB comparison");
        byte[] rgb = Files.readAllBytes(raw);
        int[] expected = new int[512 * 512];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        try (Slide slide = backend.open(Fixtures.slide("CMU-1-Small-Region.svs"))) {
            double[] diff = difference(pixels(slide.readRegion(0, 600, 800, 512, 512)), expected);
            assertTrue(diff[0] < 1.0 && diff[1] < 8, "mean " + diff[0] + ", max " + diff[1]);
        }
    }

    @Test
    void regionsOverhangingTheLevelAreTransparentOutside() throws IOException {
        try (Slide slide = backend.open(Fixtures.slide("CMU-1-Small-Region.svs"))) {
            int[] inside = pixels(slide.readRegion(0, 2200, 2950, 20, 17));
            int[] overhang = pixels(slide.readRegion(0, 2200, 2950, 40, 30));
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    int p = overhang[y * 40 + x];
                    if (x < 20 && y < 17) {
                        assertEquals(inside[y * 20 + x], p);
                    } else {
                        assertEquals(0, p);
                    }
                }
            }
            assertTrue(java.util.Arrays.stream(pixels(slide.readRegion(0, -100, -100, 50, 50))).allMatch(p -> p == 0));
        }
    }

    @Test
    void boxesPyramidHasFourLevelsAndLevelZeroEqualsThePng() throws IOException {
        try (Slide slide = backend.open(Fixtures.slide("openslide-boxes.tiff"))) {
            assertEquals("generic-tiff", slide.formatName());
            List<SlideLevel> levels = slide.levels();
            assertEquals(4, levels.size());
            long[][] sizes = {{300, 250}, {150, 125}, {75, 62}, {37, 31}};
            for (int i = 0; i < 4; i++) {
                assertEquals(sizes[i][0], levels.get(i).width());
                assertEquals(sizes[i][1], levels.get(i).height());
            }
            assertEquals(2.0, levels.get(1).downsample(), 1e-9);
            assertEquals(4.016129, levels.get(2).downsample(), 1e-6);
            assertEquals(8.086312, levels.get(3).downsample(), 1e-6);
            // 72 dpi in the resolution tags is a placeholder, not a calibration.
            assertTrue(slide.micronsPerPixelX().isEmpty());
            assertArrayEquals(png(Fixtures.slide("openslide-boxes.png")), pixels(slide.readRegion(0, 0, 0, 300, 250)));
            int[] low = pixels(slide.readRegion(3, 0, 0, 37, 31));
            assertTrue(java.util.Arrays.stream(low).distinct().count() > 2);
        }
    }

    @Test
    void smallAperioFileOpensAsSixteenPixelsSquare() throws IOException {
        try (Slide slide = backend.open(Fixtures.slide("openslide-small.svs"))) {
            assertEquals(List.of(new SlideLevel(16, 16, 1.0)), slide.levels());
            assertEquals(0.499, slide.micronsPerPixelX().getAsDouble(), 1e-9);
            assertTrue(slide.associatedImageNames().contains("thumbnail"));
            assertEquals(256, pixels(slide.readRegion(0, 0, 0, 16, 16)).length);
        }
    }

    @Test
    void corruptTileDataOpensButFailsToReadPixels() throws IOException {
        try (Slide slide = backend.open(Fixtures.slide("openslide-unreadable.svs"))) {
            assertEquals(16, slide.levels().get(0).width());
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 16, 16));
            assertTrue(e.getMessage().startsWith("openslide-unreadable.svs: level 0 tile 0,0 is corrupt ("), e.getMessage());
            assertFalse(e.getMessage().contains("(null)"), e.getMessage());
        }
    }

    @Test
    void unsupportedCompressionFailsToOpen() {
        SlideException e = assertThrows(SlideException.class, () -> backend.open(Fixtures.slide("openslide-unopenable.tiff")));
        assertTrue(e.getMessage().startsWith("openslide-unopenable.tiff: "), e.getMessage());
        assertTrue(e.getMessage().contains("compression 52479"), e.getMessage());
    }
}
