package org.gloinone.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.slide.InMemorySlide;
import org.junit.jupiter.api.Test;

class PatchGeometryTest {

    @Test
    void paddingIsPhysicalFiftyPixelsAtAQuarterMicronIsTwentyFiveAtHalf() {
        Circle c = new Circle(1000, 2000, 100);
        PatchGeometry quarter = PatchGeometry.around(c, 12.5, 0.25);
        assertEquals(2 * 100 + 2 * 50, quarter.size0(), 1e-9);
        assertEquals(1000 - 150, quarter.x0(), 1e-9);
        assertEquals(2000 - 150, quarter.y0(), 1e-9);
        PatchGeometry half = PatchGeometry.around(c, 12.5, 0.5);
        assertEquals(2 * 100 + 2 * 25, half.size0(), 1e-9);
        assertEquals(1000 - 125, half.x0(), 1e-9);
        // The circle centre maps to the patch centre.
        assertEquals(1000, half.toLevel0X(128, 256), 1e-9);
        assertEquals(2000, half.toLevel0Y(128, 256), 1e-9);
    }

    @Test
    void extractedPatchIsResizedAndCentredOnTheCircle() throws IOException {
        int w = 400;
        int h = 300;
        int[] px = new int[w * h];
        Arrays.fill(px, 0xffffffff);
        // A dark disc of radius 40 at (200, 150).
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.hypot(x + 0.5 - 200, y + 0.5 - 150) <= 40) {
                    px[y * w + x] = 0xff402060;
                }
            }
        }
        InMemorySlide slide = new InMemorySlide(px, w, h, OptionalDouble.of(0.5));
        PatchExtractor extractor = new PatchExtractor(10, 64, 1.0); // 20 px padding at 0.5 um/px
        int[] patch = extractor.extract(slide, new Circle(200, 150, 40));
        assertEquals(64 * 64, patch.length);
        // 120 level-0 px shrunk to 64: the disc spans 80/120 of the patch, centred.
        assertEquals(0xff402060, patch[32 * 64 + 32]);
        assertEquals(0xffffffff, patch[2 * 64 + 2]);
        int dark = 0;
        for (int p : patch) {
            dark += (p & 0xff) < 0x80 ? 1 : 0;
        }
        double expected = Math.PI * Math.pow(40 * 64 / 120.0, 2);
        assertEquals(expected, dark, 0.05 * expected);
        // Reads outside the slide come back as glass.
        int[] corner = extractor.extract(slide, new Circle(5, 5, 10));
        assertTrue(corner[0] == 0xffffffff);
    }
}
