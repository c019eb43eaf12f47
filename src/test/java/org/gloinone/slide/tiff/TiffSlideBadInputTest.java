package org.gloinone.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files: each fails with a {@link SlideException} naming the file and the problem,
 * quickly (the timeout only guards against hangs) and without running out of memory.
 */
@Timeout(60)
class TiffSlideBadInputTest {
    @TempDir
    Path dir;

    private final TiffSlideBackend backend = new TiffSlideBackend();

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private SlideException openFails(Path file, String expected) {
        SlideException e = assertThrows(SlideException.class, () -> backend.open(file).close());
        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should say '" + expected + "'");
        return e;
    }

    /** A valid one-strip 8 x 8 RGB file, to corrupt. */
    private static TinyTiff.Dir smallImage() {
        int[] px = TiffSlideCraftedFilesTest.pattern(8, 8, 1);
        return TinyTiff.Dir.image(8, 8, 3, 1, 2, 0, 8, List.of(TiffSlideCraftedFilesTest.samples(px, 8, 8, 0, 0, 8, 8, 3)));
    }

    @Test
    void emptyFile() throws IOException {
        openFails(write("empty.tif", new byte[0]), "the file is empty");
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.slide("openslide-boxes.png"));
        openFails(write("picture.tif", png), "not a TIFF file (wrong magic bytes 89504e47)");
        byte[] almost = TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(smallImage()));
        almost[2] = 44;
        openFails(write("version44.tif", almost), "not a TIFF file");
    }

    @Test
    void fileCutInHalf() throws IOException {
        byte[] svs = Files.readAllBytes(Fixtures.slide("CMU-1-Small-Region.svs"));
        openFails(write("cut.svs", Arrays.copyOf(svs, svs.length / 2)), "past the end of the file");

        Path pyramid = dir.resolve("full.tif");
        PyramidTiffWriter.write(SyntheticSlide::region, 1500, 1000,
                PyramidTiffWriter.Options.defaults().withTileSize(256).withCompression(PyramidTiffWriter.Compression.LZW),
                pyramid);
        byte[] bytes = Files.readAllBytes(pyramid);
        openFails(write("cut.tif", Arrays.copyOf(bytes, bytes.length / 2)), "past the end of the file");
    }

    @Test
    void directoryOffsetPastTheEnd() throws IOException {
        byte[] b = TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(smallImage()));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7fff0000);
        openFails(write("far.tif", b), "image directory 0 offset 2147418112 lies past the end of the file");
    }

    @Test
    void directoryLoop() throws IOException {
        TinyTiff.Dir first = smallImage();
        TinyTiff.Dir second = smallImage();
        byte[] once = TinyTiff.build(ByteOrder.BIG_ENDIAN, List.of(first, second));
        long firstOffset = ByteBuffer.wrap(once).order(ByteOrder.BIG_ENDIAN).getInt(4);
        second.nextOverride = firstOffset; // the second directory points back to the first
        openFails(write("loop.tif", TinyTiff.build(ByteOrder.BIG_ENDIAN, List.of(first, second))), "loops");
        TinyTiff.Dir self = smallImage();
        byte[] single = TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(self));
        self.nextOverride = (long) ByteBuffer.wrap(single).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        openFails(write("self.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(self))), "loops");
    }

    @Test
    void tileByteCountsPastTheEnd() throws IOException {
        TinyTiff.Dir d = smallImage();
        d.num(TiffTag.STRIP_BYTE_COUNTS, TiffType.LONG, 0x7ffffff0L);
        openFails(write("counts.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))),
                "level 0 strip 0 (offset 8, 2147483632 bytes) lies past the end of the file");
    }

    @Test
    void absurdDimensions() throws IOException {
        TinyTiff.Dir d = smallImage();
        d.num(TiffTag.IMAGE_WIDTH, TiffType.LONG, 1L << 31).num(TiffTag.IMAGE_LENGTH, TiffType.LONG, 1L << 31);
        d.num(TiffTag.TILE_WIDTH, TiffType.SHORT, 256).num(TiffTag.TILE_LENGTH, TiffType.SHORT, 256);
        openFails(write("huge.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))),
                "absurd size of 2147483648x2147483648 px");
    }

    @Test
    void valueCountsBeyondTheFile() throws IOException {
        TinyTiff.Dir d = smallImage();
        byte[] b = TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d));
        // Rewrite the count of the StripOffsets entry to 2^30 values.
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = buf.getInt(4);
        int n = buf.getShort(ifd);
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            if ((buf.getShort(e) & 0xffff) == TiffTag.STRIP_OFFSETS) {
                buf.putInt(e + 4, 1 << 30);
            }
        }
        openFails(write("count.tif", b), "claims 1073741824 values, more than the file can hold");
    }

    @Test
    void unsupportedCompression() throws IOException {
        TinyTiff.Dir d = smallImage();
        d.num(TiffTag.COMPRESSION, TiffType.SHORT, 34712);
        openFails(write("jpegxr.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))), "compression 34712");
    }

    @Test
    void aperioJpeg2000GivesTheInstallGuidance() throws IOException {
        TinyTiff.Dir d = smallImage();
        d.num(TiffTag.COMPRESSION, TiffType.SHORT, 33003)
                .text(TiffTag.IMAGE_DESCRIPTION, "Aperio Image Library v12.0.15\r\n8x8 (8x8) J2K/YUV16 Q=70|AppMag = 40|MPP = 0.25");
        SlideException e = openFails(write("j2k.svs", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))), "33003");
        assertEquals("j2k.svs: compression 33003 is not supported by the built-in reader: install OpenSlide or "
                + "open the slide in Fiji (Bio-Formats)", e.getMessage());
    }

    @Test
    void anUndecodableLabelLeavesTheSlideReadable() throws IOException {
        TinyTiff.Dir base = smallImage().text(TiffTag.IMAGE_DESCRIPTION, "Aperio Image Library v10\r\n8x8|MPP = 0.5");
        base.tiled = true;
        TinyTiff.Dir thumb = smallImage();
        TinyTiff.Dir label = smallImage().text(TiffTag.IMAGE_DESCRIPTION, "Aperio Image Library v10\r\nlabel 8x8");
        label.num(TiffTag.BITS_PER_SAMPLE, TiffType.SHORT, 16, 16, 16);
        // The base image as an 8x8 tiled level: one tile.
        base.tags.remove(TiffTag.ROWS_PER_STRIP);
        base.num(TiffTag.TILE_WIDTH, TiffType.SHORT, 16).num(TiffTag.TILE_LENGTH, TiffType.SHORT, 16);
        base.chunks.set(0, TiffSlideCraftedFilesTest.samples(TiffSlideCraftedFilesTest.pattern(8, 8, 1), 8, 8, 0, 0, 16, 16, 3));
        Path file = write("odd-label.svs", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(base, thumb, label)));
        try (Slide slide = backend.open(file)) {
            assertEquals("aperio-svs", slide.formatName());
            assertEquals(java.util.Set.of("thumbnail", "label"), slide.associatedImageNames());
            assertEquals(0.5, slide.micronsPerPixelX().getAsDouble(), 1e-12);
            assertArrayEquals(TiffSlideCraftedFilesTest.pattern(8, 8, 1),
                    TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, 8, 8)));
            SlideException e = assertThrows(SlideException.class, () -> slide.readAssociatedImage("label"));
            assertEquals("odd-label.svs: the label image cannot be decoded: label image has 16 bits per sample; "
                    + "the built-in reader reads 8-bit images only", e.getMessage());
            assertThrows(SlideException.class, () -> slide.readAssociatedImage("macro"));
        }
    }

    @Test
    void corruptLosslessTileFailsWhenRead() throws IOException {
        TinyTiff.Dir d = TinyTiff.Dir.image(8, 8, 3, 8, 2, 0, 8, List.of(new byte[] {0x78, (byte) 0x9c, 1, 2, 3, 4, 5, 6}));
        try (Slide slide = backend.open(write("deflate.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))))) {
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 8, 8));
            assertTrue(e.getMessage().startsWith("deflate.tif: level 0 strip 0 is corrupt"), e.getMessage());
        }
        TinyTiff.Dir lzw = TinyTiff.Dir.image(8, 8, 3, 5, 2, 0, 8, List.of(new byte[] {(byte) 0x80, 0x7f, (byte) 0xff, 1}));
        try (Slide slide = backend.open(write("lzw.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(lzw))))) {
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 8, 8));
            assertTrue(e.getMessage().startsWith("lzw.tif: level 0 strip 0 is corrupt"), e.getMessage());
        }
    }

    @Test
    void truncatedTileDataFailsWhenRead() throws IOException {
        int[] px = TiffSlideCraftedFilesTest.pattern(8, 8, 2);
        byte[] raw = TiffSlideCraftedFilesTest.samples(px, 8, 8, 0, 0, 8, 8, 3);
        TinyTiff.Dir d = TinyTiff.Dir.image(8, 8, 3, 1, 2, 0, 8, List.of(Arrays.copyOf(raw, 100)));
        try (Slide slide = backend.open(write("short.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))))) {
            SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 8, 8));
            assertTrue(e.getMessage().contains("the data ends early: 100 of 192 bytes"), e.getMessage());
        }
    }

    @Test
    void anInterruptedReadDoesNotBreakTheSlideForLaterReads() throws IOException {
        try (Slide slide = new TiffSlideBackend(0).open(Fixtures.slide("openslide-boxes.tiff"))) {
            int[] before = TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, 32, 32));
            Thread.currentThread().interrupt();
            try {
                assertThrows(java.io.InterruptedIOException.class, () -> slide.readRegion(0, 0, 0, 32, 32));
            } finally {
                Thread.interrupted();
            }
            assertArrayEquals(before, TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, 32, 32)));
        }
    }

    @Test
    void missingFileAndReadsAfterClose() throws IOException {
        openFails(dir.resolve("nowhere.svs"), "the file does not exist");
        Slide slide = backend.open(Fixtures.slide("openslide-small.svs"));
        slide.close();
        SlideException e = assertThrows(SlideException.class, () -> slide.readRegion(0, 0, 0, 4, 4));
        assertTrue(e.getMessage().contains("closed"));
    }
}
