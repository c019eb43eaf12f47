package org.gloinone.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.gloinone.slide.tiff.PyramidTiffWriter.Compression;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The full-size case: a 20000 x 15000 BigTIFF with 512 px tiles and 6 levels per compression, random
 * regions at every level checked against the source pyramid (lossless) or the source within JPEG loss.
 * It writes about 0.5 GB and takes minutes, so it runs only with {@code -Dgloinone.largeTests=true}.
 */
@EnabledIfSystemProperty(named = "gloinone.largeTests", matches = "true")
class LargePyramidTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"JPEG", "DEFLATE", "LZW"})
    void fullSizePyramidReadsBackAtEveryLevel(Compression c) throws IOException {
        Path file = dir.resolve("large-" + c.name().toLowerCase() + ".tif");
        PyramidTiffWriter.write(SyntheticSlide::region, 20000, 15000,
                PyramidTiffWriter.Options.defaults().withCompression(c).withMicronsPerPixel(0.5), file);
        Random random = new Random(11);
        try (Slide slide = new TiffSlideBackend().open(file)) {
            assertEquals(6, slide.levelCount());
            for (int k = 0; k < slide.levelCount(); k++) {
                SlideLevel level = slide.levels().get(k);
                for (int n = 0; n < 3; n++) {
                    int w = 1 + random.nextInt(256);
                    int h = 1 + random.nextInt(256);
                    long x = random.nextInt((int) level.width() - w + 1);
                    long y = random.nextInt((int) level.height() - h + 1);
                    int[] actual = TiffSlideRealFilesTest.pixels(slide.readRegion(k, x, y, w, h));
                    int[] expected = new int[w * h];
                    for (int j = 0; j < h; j++) {
                        for (int i = 0; i < w; i++) {
                            expected[j * w + i] = SyntheticSlide.levelPixel(k, x + i, y + j);
                        }
                    }
                    double[] diff = TiffSlideRealFilesTest.difference(actual, expected);
                    if (c == Compression.JPEG) {
                        for (int shift = 0; shift <= 16; shift += 8) {
                            double drift = Math.abs(GeneratedPyramidTest.channelMean(actual, shift)
                                    - GeneratedPyramidTest.channelMean(expected, shift));
                            assertTrue(drift < 2, "level " + k + ": channel mean drifts by " + drift);
                        }
                    } else {
                        assertEquals(0.0, diff[1], "level " + k + " region " + x + "," + y);
                    }
                }
            }
        }
    }
}
