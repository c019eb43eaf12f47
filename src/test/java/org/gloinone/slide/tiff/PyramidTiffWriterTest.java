package org.gloinone.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.slide.InMemorySlide;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.gloinone.slide.tiff.PyramidTiffWriter.Compression;
import org.gloinone.slide.tiff.PyramidTiffWriter.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's options, its use of an open slide as the source, and its handling of failures. */
class PyramidTiffWriterTest {
    @TempDir
    Path dir;

    @Test
    void levelSizesHalveUntilBothSidesFit() {
        List<int[]> sizes = PyramidTiffWriter.levelSizes(20000, 15000, 1024);
        assertEquals(6, sizes.size());
        assertArrayEquals(new int[] {625, 468}, sizes.get(5));
        assertEquals(1, PyramidTiffWriter.levelSizes(1000, 3, 1024).size());
        assertEquals(2, PyramidTiffWriter.levelSizes(3000, 3, 1024).size(), "stops when a side would vanish");
    }

    @Test
    void invalidOptionsNameTheOptionAndTheRange() {
        Options d = Options.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withTileSize(100));
        assertEquals("tileSize must be a multiple of 16 from 16 to 4096, got 100", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withJpegQuality(1.5f));
        assertEquals("jpegQuality must be from 0.05 to 1, got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withMicronsPerPixel(-1));
        assertTrue(e.getMessage().startsWith("micronsPerPixel must be empty or from 0 to 1e6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withSmallestLevelSide(0));
        assertEquals("smallestLevelSide must be at least 1, got 0", e.getMessage());
    }

    @Test
    void rewritesAnOpenSlideWithItsPixelSize() throws IOException {
        int w = 300;
        int h = 200;
        int[] px = SyntheticSlide.region(0, 0, w, h);
        Path out = dir.resolve("copy.tif");
        try (InMemorySlide source = new InMemorySlide(px, w, h, OptionalDouble.of(0.4))) {
            PyramidTiffWriter.write(source, Options.defaults().withTileSize(64).withSmallestLevelSide(64)
                    .withCompression(Compression.NONE), out);
        }
        try (Slide slide = new TiffSlideBackend().open(out)) {
            assertEquals(List.of(new SlideLevel(300, 200, 1), new SlideLevel(150, 100, 2), new SlideLevel(75, 50, 4),
                    new SlideLevel(37, 25, 8.054054054054054)), slide.levels());
            assertEquals(0.4, slide.micronsPerPixelX().getAsDouble(), 1e-6);
            assertEquals(0.4, slide.micronsPerPixelY().getAsDouble(), 1e-6);
            assertArrayEquals(px, TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, w, h)));
            int[] level3 = TiffSlideRealFilesTest.pixels(slide.readRegion(3, 0, 0, 37, 25));
            for (int y = 0; y < 25; y++) {
                for (int x = 0; x < 37; x++) {
                    assertEquals(SyntheticSlide.levelPixel(3, x, y), level3[y * 37 + x]);
                }
            }
        }
        // The slide gets the permissions of any new file in its folder (the umask), not owner-only ones.
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        }
    }

    @Test
    void aFailingSourceLeavesNoFileBehind() throws IOException {
        Path out = dir.resolve("broken.tif");
        IOException e = assertThrows(IOException.class, () -> PyramidTiffWriter.write((x, y, w, h) -> {
            if (y > 0) {
                throw new IOException("source failed at row " + y);
            }
            return SyntheticSlide.region(x, y, w, h);
        }, 1000, 1000, Options.defaults().withTileSize(256), out));
        assertEquals("source failed at row 256", e.getMessage());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file is removed");
        }
    }

    @Test
    void aSourceReturningTheWrongSizeIsRejected() {
        IOException e = assertThrows(IOException.class, () -> PyramidTiffWriter.write((x, y, w, h) -> new int[3],
                100, 100, Options.defaults().withTileSize(64), dir.resolve("x.tif")));
        assertTrue(e.getMessage().contains("returned 3 pixels for a 64x64 region at 0,0"), e.getMessage());
    }
}
