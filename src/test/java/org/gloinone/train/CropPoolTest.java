package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Drawing training crops crop by crop or source by source. */
class CropPoolTest {
    private static final int DRAWS = 20_000;

    /** One crop of lab SAS, nine of lab VUHSK on three slides, and two of a slide id without '_'. */
    private static List<GlomerulusCrop> crops() {
        List<GlomerulusCrop> crops = new ArrayList<>();
        crops.add(crop("SAS_21883_001"));
        for (int i = 0; i < 9; i++) {
            crops.add(crop("VUHSK_" + (1272 + i % 3)));
        }
        crops.add(crop("lone"));
        crops.add(crop("lone"));
        return crops;
    }

    @Test
    void uniformDrawsEachCropAlike() {
        Map<String, Integer> n = drawnSources(CropPool.uniform(crops()));
        assertShare(1.0 / 12, n.get("SAS"));
        assertShare(9.0 / 12, n.get("VUHSK"));
        assertShare(2.0 / 12, n.get("lone"));
        assertEquals(12, CropPool.uniform(crops()).size());
    }

    @Test
    void bySourceDrawsEachSourceAlike() {
        Map<String, Integer> n = drawnSources(CropPool.bySource(crops()));
        assertShare(1.0 / 3, n.get("SAS"));     // the one SAS crop, a third of the time
        assertShare(1.0 / 3, n.get("VUHSK"));   // its three slides pooled: one source
        assertShare(1.0 / 3, n.get("lone"));
    }

    @Test
    void aUniformPoolDrawsAsTheTrainerAlwaysDid() {
        List<GlomerulusCrop> crops = crops();
        Random a = new Random(7);
        Random b = new Random(7);
        CropPool pool = CropPool.uniform(crops);
        for (int i = 0; i < 100; i++) {
            assertEquals(crops.get(a.nextInt(crops.size())), pool.draw(b));
        }
    }

    private static Map<String, Integer> drawnSources(CropPool pool) {
        Random rnd = new Random(7);
        Map<String, Integer> n = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            String slide = pool.draw(rnd).slideId();
            n.merge(slide.contains("_") ? slide.substring(0, slide.indexOf('_')) : slide, 1, Integer::sum);
        }
        return n;
    }

    /** Within 1.5 points of the expected share: over 20,000 draws the sd of a share is at most 0.35 points. */
    private static void assertShare(double expected, int count) {
        double share = count / (double) DRAWS;
        assertTrue(Math.abs(share - expected) < 0.015, "share " + share + ", expected " + expected);
    }

    private static GlomerulusCrop crop(String slide) {
        return new GlomerulusCrop(slide, null, null, false, slide);
    }
}
