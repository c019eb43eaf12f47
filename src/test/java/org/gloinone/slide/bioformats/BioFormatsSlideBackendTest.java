package org.gloinone.slide.bioformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reflective adapter against a stand-in with Bio-Formats' method signatures. The real
 * {@code loci.formats.ImageReader} is only present inside Fiji.
 */
class BioFormatsSlideBackendTest {
    private final BioFormatsSlideBackend backend = new BioFormatsSlideBackend(
            StandInImageReader.class.getName(), StandInMetadataTools.class.getName());

    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "stand-in");
    }

    @Test
    void realBioFormatsIsUnavailableOutsideFiji() {
        BioFormatsSlideBackend real = new BioFormatsSlideBackend();
        assertFalse(real.isAvailable());
        assertTrue(real.unavailableReason().contains("Fiji"), real.unavailableReason());
        assertTrue(real.extensions().isEmpty());
        SlideException e = assertThrows(SlideException.class, () -> real.open(Path.of("x.czi")));
        assertTrue(e.getMessage().startsWith("x.czi: Bio-Formats is not available"), e.getMessage());
    }

    @Test
    void recognitionAndExtensionsComeFromTheReader() throws IOException {
        assertTrue(backend.isAvailable());
        assertTrue(backend.recognises(file("a.fake"), new byte[0]));
        assertFalse(backend.recognises(file("a.png"), new byte[0]));
        assertEquals(Set.of("fake", "fake2"), backend.extensions());
    }

    @Test
    void picksTheLargestSeriesAndItsResolutionsWithMetadata() throws IOException {
        try (Slide slide = backend.open(file("slide.fake"))) {
            assertEquals("bioformats", slide.backendName());
            assertEquals("Stand-in", slide.formatName());
            assertEquals(List.of(new SlideLevel(1000, 600, 1), new SlideLevel(500, 300, 2), new SlideLevel(250, 150, 4)),
                    slide.levels());
            assertEquals(0.25, slide.micronsPerPixelX().getAsDouble(), 1e-12);
            assertEquals(0.25, slide.micronsPerPixelY().getAsDouble(), 1e-12);
            assertEquals(40, slide.objectiveMagnification().getAsDouble(), 1e-12);
            assertTrue(slide.associatedImageNames().isEmpty());
        }
    }

    @Test
    void interleavedAndPlanarRegionsEqualTheSamples() throws IOException {
        for (String name : List.of("slide.fake", "planar.fake")) {
            try (Slide slide = backend.open(file(name))) {
                int[] px = slide.readRegion(1, 100, 50, 7, 5).update(null).getCurrentStorageArray();
                for (int j = 0; j < 5; j++) {
                    for (int i = 0; i < 7; i++) {
                        int expected = 0xff000000 | StandInImageReader.sample(1, 100 + i, 50 + j, 0) << 16
                                | StandInImageReader.sample(1, 100 + i, 50 + j, 1) << 8
                                | StandInImageReader.sample(1, 100 + i, 50 + j, 2);
                        assertEquals(expected, px[j * 7 + i], name + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void regionsLeavingTheImageAreClippedToTransparent() throws IOException {
        try (Slide slide = backend.open(file("slide.fake"))) {
            int[] px = slide.readRegion(2, 248, -1, 4, 3).update(null).getCurrentStorageArray();
            assertEquals(0, px[0], "row -1 is outside");
            assertEquals(0xff, px[4] >>> 24, "(248, 0) is inside");
            assertEquals(StandInImageReader.sample(2, 249, 0, 2), px[5] & 0xff);
            assertEquals(0, px[6], "column 250 is outside");
            assertArrayEquals(new int[4], slide.readRegion(0, 5000, 0, 2, 2).update(null).getCurrentStorageArray());
        }
    }

    @Test
    void sixteenBitGreyKeepsTheHighByte() throws IOException {
        try (Slide slide = backend.open(file("grey16.fake"))) {
            int p = slide.readRegion(0, 3, 4, 1, 1).update(null).getCurrentStorageArray()[0];
            int v = StandInImageReader.sample(0, 3, 4, 0);
            assertEquals(0xff000000 | v << 16 | v << 8 | v, p);
        }
    }

    @Test
    void aFailingSetIdNamesTheFileAndTheReason() throws IOException {
        Path broken = file("broken.fake");
        SlideException e = assertThrows(SlideException.class, () -> backend.open(broken));
        assertTrue(e.getMessage().startsWith("broken.fake: Bio-Formats setId failed: Unknown file format"), e.getMessage());
    }

    @Test
    void concurrentReadsOfDifferentLevelsStayConsistent() throws Exception {
        try (Slide slide = backend.open(file("slide.fake"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> results = new java.util.ArrayList<>();
                for (int k = 0; k < 60; k++) {
                    int level = k % 3;
                    results.add(pool.submit(() -> slide.readRegion(level, 10, 10, 16, 16).update(null).getCurrentStorageArray()[0]));
                }
                for (int k = 0; k < 60; k++) {
                    int level = k % 3;
                    assertEquals(StandInImageReader.sample(level, 10, 10, 0), (results.get(k).get() >> 16) & 0xff);
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
