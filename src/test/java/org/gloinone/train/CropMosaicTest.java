package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.gloinone.detect.Circle;
import org.junit.jupiter.api.Test;

/** Detector scenes with whole crops laid over a tile window: real glomeruli in their own surroundings, labelled. */
class CropMosaicTest {
    private static final List<GlomerulusCrop> CROPS = TrainFixtures.crops(32);

    private static SceneSynthesizer synthesizer() {
        return new SceneSynthesizer(List.of(TrainFixtures.tile(1, 96)), CROPS, 16, 30, 3, 0.4);
    }

    @Test
    void everyCircleOfAMosaicLiesOnAGlomerulus() {
        SceneSynthesizer mosaics = synthesizer().withCropMosaics(1);
        for (long seed = 0; seed < 8; seed++) {
            DetectorScene scene = mosaics.scene(new Random(seed), 96, true);
            // cells of 23 to 44 px (a crop of 32 px whose disk of radius 10-13 px is scaled to a diameter of 16-30),
            // 6 in 10 of them taken by a crop
            assertTrue(scene.circles().size() >= 2, "seed " + seed + ": " + scene.circles());
            for (Circle c : scene.circles()) {
                // a crop's disk at 8-15 px, or the tile's own (14.4 px at a zoom of 0.6-1.4)
                assertTrue(c.radius() >= 8 - 1e-9 && c.radius() <= 24, "radius " + c);
                float green = scene.image().get((int) c.centerX(), (int) c.centerY(), 1);
                assertTrue(green < 0.68f, "seed " + seed + ": a disk (tissue has green 0.6-0.75, disks 0.25 or 0.6) "
                        + "lies at " + c + ": green " + green);
            }
        }
    }

    @Test
    void noShareLeavesTheScenesAsTheyWereAndValidationScenesNeverChange() {
        SceneSynthesizer plain = synthesizer();
        SceneSynthesizer none = plain.withCropMosaics(0);
        SceneSynthesizer all = plain.withCropMosaics(1);
        for (int seed = 0; seed < 5; seed++) {
            assertArrayEquals(plain.scene(new Random(seed), 96, true).image().data(),
                    none.scene(new Random(seed), 96, true).image().data());
            assertFalse(Arrays.equals(plain.scene(new Random(seed), 96, true).image().data(),
                    all.scene(new Random(seed), 96, true).image().data()));
            assertEquals(plain.scene(new Random(seed), 96, false).circles(),
                    all.scene(new Random(seed), 96, false).circles());
        }
        assertThrows(IllegalArgumentException.class, () -> plain.withCropMosaics(1.5));
    }
}
