package org.gloinone.slide.openslide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideFixtures;
import org.gloinone.slide.SlideLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OpenSlideBackendTest {
    private static final OpenSlideBackend BACKEND = new OpenSlideBackend();

    @BeforeAll
    static void needsLibrary() {
        assumeTrue(BACKEND.isAvailable(), "OpenSlide tests skipped: " + BACKEND.unavailableReason());
    }

    @Test
    void readsAperioMetadataAndAssociatedImages() throws IOException {
        Path file = SlideFixtures.slide("CMU-1-Small-Region.svs");
        assertTrue(BACKEND.recognises(file, new byte[0]));
        try (Slide slide = BACKEND.open(file)) {
            assertEquals("openslide", slide.backendName());
            assertEquals("aperio-svs", slide.formatName());
            assertEquals(List.of(new SlideLevel(2220, 2967, 1.0)), slide.levels());
            assertEquals(0.499, slide.micronsPerPixelX().getAsDouble(), 1e-9);
            assertEquals(0.499, slide.micronsPerPixelY().getAsDouble(), 1e-9);
            assertEquals(20, slide.objectiveMagnification().getAsDouble(), 1e-9);
            assertEquals(Set.of("label", "macro", "thumbnail"), slide.associatedImageNames());
            assertEquals("aperio", ((OpenSlideSlide) slide).properties().get("openslide.vendor"));

            var thumb = slide.readAssociatedImage("thumbnail");
            assertTrue(thumb.dimension(0) > 10 && thumb.dimension(1) > 10);
            int[] px = thumb.update(null).getCurrentStorageArray();
            assertEquals(0xff, px[px.length / 2] >>> 24, "associated images are opaque");
            SlideException e = assertThrows(SlideException.class, () -> slide.readAssociatedImage("overview"));
            assertTrue(e.getMessage().startsWith("CMU-1-Small-Region.svs: "), e.getMessage());
        }
    }

    @Test
    void regionInsideIsOpaqueTissueAndOutsideIsTransparent() throws IOException {
        try (Slide slide = BACKEND.open(SlideFixtures.slide("CMU-1-Small-Region.svs"))) {
            int[] inside = slide.readRegion(0, 1000, 1000, 64, 64).update(null).getCurrentStorageArray();
            long sum = 0;
            for (int p : inside) {
                assertEquals(0xff, p >>> 24);
                sum += (p >> 16) & 0xff;
            }
            // H&E tissue: not white, not black.
            double meanRed = sum / (double) inside.length;
            assertTrue(meanRed > 60 && meanRed < 250, "mean red " + meanRed);
            // A region half outside the right edge: the outside half is transparent black.
            int[] edge = slide.readRegion(0, 2220 - 8, 0, 16, 4).update(null).getCurrentStorageArray();
            assertEquals(0xff, edge[7] >>> 24);
            assertEquals(0, edge[8]);
            assertEquals(0, edge[15]);
        }
    }

    @Test
    void boxesHasFourLevelsAndLevelZeroEqualsThePng() throws IOException {
        Path file = SlideFixtures.slide("openslide-boxes.tiff");
        try (Slide slide = BACKEND.open(file)) {
            assertEquals("generic-tiff", slide.formatName());
            assertEquals(4, slide.levelCount());
            long[][] sizes = {{300, 250}, {150, 125}, {75, 62}, {37, 31}};
            for (int i = 0; i < 4; i++) {
                assertEquals(sizes[i][0], slide.levels().get(i).width());
                assertEquals(sizes[i][1], slide.levels().get(i).height());
            }
            assertEquals(2.0, slide.levels().get(1).downsample(), 1e-9);
            assertEquals(4.016, slide.levels().get(2).downsample(), 1e-3);
            assertTrue(slide.micronsPerPixelX().isEmpty(), "generic TIFF at 72 dpi has no microscope pixel size");

            BufferedImage png = ImageIO.read(SlideFixtures.slide("openslide-boxes.png").toFile());
            int[] expected = png.getRGB(0, 0, 300, 250, null, 0, 300);
            int[] actual = slide.readRegion(0, 0, 0, 300, 250).update(null).getCurrentStorageArray();
            assertArrayEquals(expected, actual);
            // A sub-region at an offset addresses level pixels, not level-0 pixels.
            int[] sub = slide.readRegion(0, 70, 40, 5, 3).update(null).getCurrentStorageArray();
            assertEquals(expected[40 * 300 + 70], sub[0]);
            assertEquals(expected[42 * 300 + 74], sub[14]);
        }
    }

    @Test
    void levelCoordinatesAreLevelPixels() throws IOException {
        try (Slide slide = BACKEND.open(SlideFixtures.slide("openslide-boxes.tiff"))) {
            int[] whole = slide.readRegion(1, 0, 0, 150, 125).update(null).getCurrentStorageArray();
            int[] part = slide.readRegion(1, 30, 20, 10, 10).update(null).getCurrentStorageArray();
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 10; i++) {
                    assertEquals(whole[(20 + j) * 150 + 30 + i], part[j * 10 + i]);
                }
            }
        }
    }

    @Test
    void smallSvsOpens() throws IOException {
        try (Slide slide = BACKEND.open(SlideFixtures.slide("openslide-small.svs"))) {
            assertEquals(List.of(new SlideLevel(16, 16, 1.0)), slide.levels());
            assertEquals(0.499, slide.micronsPerPixelX().getAsDouble(), 1e-9);
        }
    }

    @Test
    void unreadableOpensButReadingFailsClearly() throws IOException {
        try (Slide slide = BACKEND.open(SlideFixtures.slide("openslide-unreadable.svs"))) {
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 16, 16));
            assertTrue(e.getMessage().startsWith("openslide-unreadable.svs: OpenSlide cannot read level 0"), e.getMessage());
        }
    }

    @Test
    void unopenableFailsClearly() {
        Path file = SlideFixtures.slide("openslide-unopenable.tiff");
        SlideException e = assertThrows(SlideException.class, () -> BACKEND.open(file));
        assertTrue(e.getMessage().startsWith("openslide-unopenable.tiff: "), e.getMessage());
        assertTrue(e.getMessage().contains("52479"), e.getMessage());
    }

    @Test
    void doesNotRecognisePlainImages() {
        assertFalse(BACKEND.recognises(SlideFixtures.slide("openslide-boxes.png"), new byte[0]));
    }

    @Test
    void concurrentReadsEqualSequentialReads() throws Exception {
        try (Slide slide = BACKEND.open(SlideFixtures.slide("CMU-1-Small-Region.svs"))) {
            List<int[]> expected = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                expected.add(slide.readRegion(0, 100 * k, 130 * k, 96, 96).update(null).getCurrentStorageArray());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> futures = new ArrayList<>();
                for (int k = 0; k < 16; k++) {
                    int kk = k;
                    futures.add(pool.submit(() -> slide.readRegion(0, 100 * kk, 130 * kk, 96, 96)
                            .update(null).getCurrentStorageArray()));
                }
                for (int k = 0; k < 16; k++) {
                    assertArrayEquals(expected.get(k), futures.get(k).get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void readAfterCloseFailsClearly() throws IOException {
        Slide slide = BACKEND.open(SlideFixtures.slide("openslide-small.svs"));
        slide.close();
        slide.close();
        SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 4, 4));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
