package org.gloinone.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small TIFF files built byte by byte: classic TIFF in both byte orders, strips and tiles, each
 * lossless compression, grey and RGB, generic and OME-TIFF pyramids, and the pixel size sources.
 */
class TiffSlideCraftedFilesTest {
    @TempDir
    Path dir;

    private final TiffSlideBackend backend = new TiffSlideBackend();

    /** A deterministic RGB test pattern, packed ARGB. */
    static int[] pattern(int w, int h, int seed) {
        int[] p = new int[w * h];
        for (int i = 0; i < p.length; i++) {
            int x = i % w;
            int y = i / w;
            p[i] = 0xff000000 | ((x * 13 + seed) & 0xff) << 16 | ((y * 29 + x) & 0xff) << 8 | ((x * y + seed * 7) & 0xff);
        }
        return p;
    }

    /** Rows [y0, y0+rows) x columns [x0, x0+cw) of the pattern as interleaved samples, padded with 0. */
    static byte[] samples(int[] argb, int w, int h, int x0, int y0, int cw, int rows, int spp) {
        byte[] out = new byte[cw * rows * spp];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cw; c++) {
                int x = x0 + c;
                int y = y0 + r;
                int p = x < w && y < h ? argb[y * w + x] : 0;
                int o = (r * cw + c) * spp;
                if (spp == 1) {
                    out[o] = (byte) (p >> 8);
                } else {
                    out[o] = (byte) (p >> 16);
                    out[o + 1] = (byte) (p >> 8);
                    out[o + 2] = (byte) p;
                }
            }
        }
        return out;
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** PackBits with a repeat run for equal neighbours and literal runs otherwise. */
    static byte[] packBits(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int run = 1;
            while (i + run < data.length && run < 128 && data[i + run] == data[i]) {
                run++;
            }
            if (run >= 3) {
                out.write(1 - run);
                out.write(data[i]);
                i += run;
            } else {
                int n = Math.min(128, data.length - i);
                out.write(n - 1);
                out.write(data, i, n);
                i += n;
            }
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static int[] grey(int[] argb, boolean invert) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int v = (argb[i] >> 8) & 0xff;
            v = invert ? 255 - v : v;
            out[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        return out;
    }

    @Test
    void bigEndianUncompressedStripsWithAShortLastStrip() throws IOException {
        int w = 5;
        int h = 7;
        int[] px = pattern(w, h, 1);
        List<byte[]> strips = List.of(samples(px, w, h, 0, 0, w, 3, 3), samples(px, w, h, 0, 3, w, 3, 3),
                samples(px, w, h, 0, 6, w, 1, 3));
        TinyTiff.Dir d = TinyTiff.Dir.image(w, h, 3, 1, 2, 0, 3, strips)
                .num(TiffTag.X_RESOLUTION, TiffType.RATIONAL, 20000).num(TiffTag.Y_RESOLUTION, TiffType.RATIONAL, 40000)
                .num(TiffTag.RESOLUTION_UNIT, TiffType.SHORT, 3);
        try (Slide slide = backend.open(write("be.tif", TinyTiff.build(ByteOrder.BIG_ENDIAN, List.of(d))))) {
            assertEquals("generic-tiff", slide.formatName());
            assertArrayEquals(px, TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, w, h)));
            assertEquals(0.5, slide.micronsPerPixelX().getAsDouble(), 1e-12);
            assertEquals(0.25, slide.micronsPerPixelY().getAsDouble(), 1e-12);
        }
    }

    @Test
    void resolutionInInchesAndUnitlessResolution() throws IOException {
        int[] px = pattern(4, 4, 2);
        TinyTiff.Dir inch = TinyTiff.Dir.image(4, 4, 3, 1, 2, 0, 4, List.of(samples(px, 4, 4, 0, 0, 4, 4, 3)))
                .num(TiffTag.X_RESOLUTION, TiffType.RATIONAL, 50800).num(TiffTag.Y_RESOLUTION, TiffType.RATIONAL, 50800)
                .num(TiffTag.RESOLUTION_UNIT, TiffType.SHORT, 2);
        try (Slide slide = backend.open(write("inch.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(inch))))) {
            assertTrue(slide.micronsPerPixelX().isEmpty(), "dots per inch are a print setting, not a pixel size");
        }
        TinyTiff.Dir none = TinyTiff.Dir.image(4, 4, 3, 1, 2, 0, 4, List.of(samples(px, 4, 4, 0, 0, 4, 4, 3)))
                .num(TiffTag.X_RESOLUTION, TiffType.RATIONAL, 20000).num(TiffTag.Y_RESOLUTION, TiffType.RATIONAL, 20000)
                .num(TiffTag.RESOLUTION_UNIT, TiffType.SHORT, 1);
        try (Slide slide = backend.open(write("none.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(none))))) {
            assertTrue(slide.micronsPerPixelX().isEmpty(), "no unit: no pixel size");
        }
    }

    @Test
    void tiledGreyPackBitsMinIsWhite() throws IOException {
        int w = 20;
        int h = 10;
        int[] px = pattern(w, h, 3);
        List<byte[]> tiles = new ArrayList<>();
        for (int tx = 0; tx < 2; tx++) {
            byte[] raw = samples(px, w, h, tx * 16, 0, 16, 16, 1);
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) (255 - (raw[i] & 0xff)); // min-is-white stores 255 - grey
            }
            tiles.add(packBits(raw));
        }
        TinyTiff.Dir d = TinyTiff.Dir.image(w, h, 1, 32773, 0, 16, 0, tiles);
        try (Slide slide = backend.open(write("grey.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d))))) {
            assertArrayEquals(grey(px, false), TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, w, h)));
        }
    }

    @Test
    void lzwAndDeflateWithPredictorInBothByteOrders() throws IOException {
        int w = 40;
        int h = 30;
        int[] px = pattern(w, h, 4);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int compression : new int[] {5, 8, 32946}) {
                List<byte[]> strips = new ArrayList<>();
                for (int y = 0; y < h; y += 16) {
                    int rows = Math.min(16, h - y);
                    byte[] raw = samples(px, w, h, 0, y, w, rows, 3);
                    HorizontalPredictor.apply(raw, w, rows, 3);
                    strips.add(compression == 5 ? LzwCodec.encode(raw, raw.length) : deflate(raw));
                }
                TinyTiff.Dir d = TinyTiff.Dir.image(w, h, 3, compression, 2, 0, 16, strips)
                        .num(TiffTag.PREDICTOR, TiffType.SHORT, 2);
                Path file = write("c" + compression + order + ".tif", TinyTiff.build(order, List.of(d)));
                try (Slide slide = backend.open(file)) {
                    assertArrayEquals(px, TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, w, h)),
                            "compression " + compression + " " + order);
                }
            }
        }
    }

    @Test
    void lzwLabelOfTheAperioSlideEqualsLibtiffsDecode() throws IOException {
        try (Slide slide = backend.open(Fixtures.slide("CMU-1-Small-Region.svs"))) {
            int[] label = TiffSlideRealFilesTest.pixels(slide.readAssociatedImage("label"));
            assertArrayEquals(TiffSlideRealFilesTest.png(Fixtures.slide("CMU-1-Small-Region-label.png")), label);
        }
    }

    @Test
    void genericPyramidOfReducedResolutionStripsIgnoresUnrelatedImages() throws IOException {
        int[] l0 = pattern(64, 48, 5);
        int[] l1 = pattern(32, 24, 6);
        int[] other = pattern(10, 40, 7);
        TinyTiff.Dir d0 = TinyTiff.Dir.image(64, 48, 3, 1, 2, 0, 48, List.of(samples(l0, 64, 48, 0, 0, 64, 48, 3)));
        TinyTiff.Dir d1 = TinyTiff.Dir.image(32, 24, 3, 1, 2, 0, 24, List.of(samples(l1, 32, 24, 0, 0, 32, 24, 3)))
                .num(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
        TinyTiff.Dir d2 = TinyTiff.Dir.image(10, 40, 3, 1, 2, 0, 40, List.of(samples(other, 10, 40, 0, 0, 10, 40, 3)));
        Path file = write("generic.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d0, d1, d2)));
        try (Slide slide = backend.open(file)) {
            assertEquals(List.of(new SlideLevel(64, 48, 1), new SlideLevel(32, 24, 2)), slide.levels());
            assertArrayEquals(l1, TiffSlideRealFilesTest.pixels(slide.readRegion(1, 0, 0, 32, 24)));
            assertTrue(slide.micronsPerPixelX().isEmpty());
            assertTrue(slide.objectiveMagnification().isEmpty());
        }
    }

    @Test
    void omeTiffWithSubIfdPyramidAndPhysicalSizeInUnits() throws IOException {
        int[] l0 = pattern(64, 64, 8);
        int[] l1 = pattern(32, 32, 9);
        int[] l2 = pattern(16, 16, 10);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Instrument ID=\"Instrument:0\"><Objective ID=\"Objective:0\" NominalMagnification=\"40.0\"/></Instrument>"
                + "<Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"uint8\" SizeX=\"64\" SizeY=\"64\""
                + " SizeC=\"3\" SizeZ=\"1\" SizeT=\"1\" PhysicalSizeX=\"0.2527\" PhysicalSizeY=\"252.7\" PhysicalSizeYUnit=\"nm\">"
                + "<Channel ID=\"Channel:0:0\" SamplesPerPixel=\"3\"/></Pixels></Image></OME>";
        TinyTiff.Dir d0 = TinyTiff.Dir.image(64, 64, 3, 8, 2, 16, 0, tiles(l0, 64, 16)).text(TiffTag.IMAGE_DESCRIPTION, xml);
        d0.subDirs.add(TinyTiff.Dir.image(32, 32, 3, 8, 2, 16, 0, tiles(l1, 32, 16)).num(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1));
        d0.subDirs.add(TinyTiff.Dir.image(16, 16, 3, 8, 2, 16, 0, tiles(l2, 16, 16)).num(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1));
        Path file = write("pyramid.ome.tif", TinyTiff.build(ByteOrder.LITTLE_ENDIAN, List.of(d0)));
        try (Slide slide = backend.open(file)) {
            assertEquals("ome-tiff", slide.formatName());
            assertEquals(List.of(new SlideLevel(64, 64, 1), new SlideLevel(32, 32, 2), new SlideLevel(16, 16, 4)),
                    slide.levels());
            assertEquals(0.2527, slide.micronsPerPixelX().getAsDouble(), 1e-12);
            assertEquals(0.2527, slide.micronsPerPixelY().getAsDouble(), 1e-12);
            assertEquals(40, slide.objectiveMagnification().getAsDouble(), 1e-12);
            assertArrayEquals(l0, TiffSlideRealFilesTest.pixels(slide.readRegion(0, 0, 0, 64, 64)));
            assertArrayEquals(l2, TiffSlideRealFilesTest.pixels(slide.readRegion(2, 0, 0, 16, 16)));
            int[] part = TiffSlideRealFilesTest.pixels(slide.readRegion(1, 10, 12, 8, 4));
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 8; i++) {
                    assertEquals(l1[(12 + j) * 32 + 10 + i], part[j * 8 + i]);
                }
            }
        }
    }

    /** Adobe-Deflate tiles of a square image. */
    private static List<byte[]> tiles(int[] px, int size, int tile) {
        List<byte[]> out = new ArrayList<>();
        for (int ty = 0; ty < size; ty += tile) {
            for (int tx = 0; tx < size; tx += tile) {
                out.add(deflate(samples(px, size, size, tx, ty, tile, tile, 3)));
            }
        }
        return out;
    }
}
