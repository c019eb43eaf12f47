package org.gloinone.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.gloinone.slide.tiff.PyramidTiffWriter.Compression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pyramids written by {@link PyramidTiffWriter} and read back by the built-in reader: every level, at
 * random regions, equals the synthetic source's own pyramid (lossless) or an independent ImageIO decode
 * of the same JPEG tiles. The size here is 4000 x 3000 (5 levels down to 250 px) to keep the suite fast;
 * the 20000 x 15000 case runs with {@code -Dgloinone.largeTests=true} in {@link LargePyramidTest}.
 */
class GeneratedPyramidTest {
    static final int WIDTH = 4000;
    static final int HEIGHT = 3000;
    static final int TILE = 512;

    @TempDir
    static Path dir;
    static final Map<Compression, Path> FILES = new EnumMap<>(Compression.class);

    @BeforeAll
    static void writePyramids() throws IOException {
        for (Compression c : new Compression[] {Compression.JPEG, Compression.DEFLATE, Compression.LZW}) {
            Path file = dir.resolve("synthetic-" + c.name().toLowerCase() + ".tif");
            PyramidTiffWriter.write(SyntheticSlide::region, WIDTH, HEIGHT, options(c), file);
            FILES.put(c, file);
        }
    }

    static PyramidTiffWriter.Options options(Compression c) {
        return PyramidTiffWriter.Options.defaults().withCompression(c).withTileSize(TILE).withSmallestLevelSide(256)
                .withMicronsPerPixel(0.25).withDescription("synthetic test pyramid");
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"JPEG", "DEFLATE", "LZW"})
    void writesABigTiffPyramidWithItsLevelsAndPixelSize(Compression c) throws IOException {
        byte[] head = new byte[4];
        try (var s = Files.newInputStream(FILES.get(c))) {
            assertEquals(4, s.read(head));
        }
        assertArrayEquals(new byte[] {'I', 'I', 43, 0}, head);
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary left");
        try (Slide slide = new TiffSlideBackend().open(FILES.get(c))) {
            assertEquals("generic-tiff", slide.formatName());
            List<SlideLevel> levels = slide.levels();
            assertEquals(5, levels.size());
            int[][] sizes = {{4000, 3000}, {2000, 1500}, {1000, 750}, {500, 375}, {250, 187}};
            for (int k = 0; k < 5; k++) {
                assertEquals(sizes[k][0], levels.get(k).width(), "width of level " + k);
                assertEquals(sizes[k][1], levels.get(k).height(), "height of level " + k);
            }
            assertEquals(16.021, levels.get(4).downsample(), 1e-3);
            assertEquals(0.25, slide.micronsPerPixelX().getAsDouble(), 1e-6);
            assertEquals(0.25, slide.micronsPerPixelY().getAsDouble(), 1e-6);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"DEFLATE", "LZW"})
    void losslessRegionsAtEveryLevelEqualTheSourcePyramid(Compression c) throws IOException {
        Random random = new Random(c.ordinal());
        try (Slide slide = new TiffSlideBackend().open(FILES.get(c))) {
            for (int k = 0; k < slide.levelCount(); k++) {
                SlideLevel level = slide.levels().get(k);
                for (int n = 0; n < 4; n++) {
                    int w = 1 + random.nextInt((int) Math.min(300, level.width()));
                    int h = 1 + random.nextInt((int) Math.min(300, level.height()));
                    // Some regions overhang the right or bottom edge.
                    long x = random.nextInt((int) level.width() - w / 2);
                    long y = random.nextInt((int) level.height() - h / 2);
                    int[] actual = TiffSlideRealFilesTest.pixels(slide.readRegion(k, x, y, w, h));
                    for (int j = 0; j < h; j++) {
                        for (int i = 0; i < w; i++) {
                            boolean inside = x + i < level.width() && y + j < level.height();
                            int expected = inside ? SyntheticSlide.levelPixel(k, x + i, y + j) : 0;
                            if (expected != actual[j * w + i]) {
                                assertEquals(Integer.toHexString(expected), Integer.toHexString(actual[j * w + i]),
                                        "level " + k + " pixel " + (x + i) + "," + (y + j));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void jpegRegionsAtEveryLevelEqualAnIndependentDecodeOfTheTiles() throws IOException {
        Path file = FILES.get(Compression.JPEG);
        Random random = new Random(7);
        try (Slide slide = new TiffSlideBackend().open(file); TiffInput in = new TiffInput(file)) {
            List<TiffDirectory> dirs = TiffParser.parse(in);
            for (int k = 0; k < slide.levelCount(); k++) {
                SlideLevel level = slide.levels().get(k);
                TiffDirectory d = dirs.get(k);
                assertEquals(level.width(), d.width());
                for (int n = 0; n < 3; n++) {
                    int w = 1 + random.nextInt((int) Math.min(700, level.width()));
                    int h = 1 + random.nextInt((int) Math.min(700, level.height()));
                    long x = random.nextInt((int) (level.width() - w + 1));
                    long y = random.nextInt((int) (level.height() - h + 1));
                    int[] actual = TiffSlideRealFilesTest.pixels(slide.readRegion(k, x, y, w, h));
                    int[] expected = decodeWithImageIo(in, d, x, y, w, h);
                    double[] diff = TiffSlideRealFilesTest.difference(actual, expected);
                    // Same JPEG data; only the YCbCr->RGB rounding of the two decoders may differ.
                    assertTrue(diff[1] <= 2 && diff[0] < 0.5, "level " + k + ": mean " + diff[0] + ", max " + diff[1]);
                    int[] source = new int[w * h];
                    for (int j = 0; j < h; j++) {
                        for (int i = 0; i < w; i++) {
                            source[j * w + i] = SyntheticSlide.levelPixel(k, x + i, y + j);
                        }
                    }
                    // JPEG loses fine texture, but colours must survive: compare channel means.
                    for (int shift = 0; shift <= 16; shift += 8) {
                        double drift = Math.abs(channelMean(actual, shift) - channelMean(source, shift));
                        assertTrue(drift < 2, "level " + k + ": channel mean drifts by " + drift);
                    }
                }
            }
        }
    }

    static double channelMean(int[] argb, int shift) {
        long sum = 0;
        for (int p : argb) {
            sum += (p >> shift) & 0xff;
        }
        return (double) sum / argb.length;
    }

    /** Decodes the region tile by tile: ImageIO reads each stored JPEG tile on its own. */
    private static int[] decodeWithImageIo(TiffInput in, TiffDirectory d, long x, long y, int w, int h)
            throws IOException {
        long[] offsets = d.numbers(TiffTag.TILE_OFFSETS);
        long[] counts = d.numbers(TiffTag.TILE_BYTE_COUNTS);
        int across = (int) ((d.width() + TILE - 1) / TILE);
        int[] out = new int[w * h];
        for (long ty = y / TILE; ty <= (y + h - 1) / TILE; ty++) {
            for (long tx = x / TILE; tx <= (x + w - 1) / TILE; tx++) {
                int index = (int) (ty * across + tx);
                ByteBuffer data = in.read(offsets[index], (int) counts[index], "tile");
                BufferedImage tile = ImageIO.read(new ByteArrayInputStream(data.array()));
                for (int j = 0; j < h; j++) {
                    for (int i = 0; i < w; i++) {
                        long px = x + i - tx * TILE;
                        long py = y + j - ty * TILE;
                        if (px >= 0 && px < TILE && py >= 0 && py < TILE) {
                            out[j * w + i] = tile.getRGB((int) px, (int) py);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void concurrentReadsGiveTheSamePixelsAsSequentialOnes() throws Exception {
        Path file = FILES.get(Compression.DEFLATE);
        // A cache of one tile forces decodes to race.
        try (Slide slide = new TiffSlideBackend(TILE * TILE).open(file)) {
            Random random = new Random(3);
            List<long[]> regions = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                regions.add(new long[] {random.nextInt(WIDTH - 600), random.nextInt(HEIGHT - 600)});
            }
            List<int[]> sequential = new ArrayList<>();
            for (long[] r : regions) {
                sequential.add(TiffSlideRealFilesTest.pixels(slide.readRegion(0, r[0], r[1], 600, 600)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> futures = new ArrayList<>();
                for (long[] r : regions) {
                    futures.add(pool.submit(() -> TiffSlideRealFilesTest.pixels(slide.readRegion(0, r[0], r[1], 600, 600))));
                }
                for (int i = 0; i < regions.size(); i++) {
                    assertArrayEquals(sequential.get(i), futures.get(i).get(), "region " + i);
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
