package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlideFoldsTest {
    private static final List<String> ITEMS = List.of("a", "a", "a", "a", "b", "b", "c", "c", "d", "e", "e", "e");

    @Test
    void everySlideIsHeldOutInExactlyOneFold() {
        SlideFolds folds = SlideFolds.of(ITEMS, 3, 7);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int f = 0; f < folds.count(); f++) {
            for (String s : folds.heldOut(f)) {
                assertEquals(true, seen.add(s), "slide " + s + " in two folds");
            }
            total += folds.heldOut(f).size();
        }
        assertEquals(Set.of("a", "b", "c", "d", "e"), seen);
        assertEquals(5, total);
    }

    @Test
    void foldsAreBalancedByItemsAndRepeatable() {
        // Sizes 4 (a), 3 (e), 2 (b), 2 (c), 1 (d): dealt largest first to the smallest fold gives 4 / 4 / 4.
        SlideFolds folds = SlideFolds.of(ITEMS, 3, 7);
        for (int f = 0; f < 3; f++) {
            int items = 0;
            for (String s : ITEMS) {
                items += folds.isHeldOut(f, s) ? 1 : 0;
            }
            assertEquals(4, items, "fold " + f);
            assertEquals(folds.heldOut(f), SlideFolds.of(ITEMS, 3, 7).heldOut(f));
        }
    }

    @Test
    void refusesMoreFoldsThanSlides() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlideFolds.of(ITEMS, 6, 1));
        assertEquals("folds must be from 2 to the number of slides (5), got 6", e.getMessage());
    }

    @Test
    void givenFoldsKeepTheirSlidesAndRefuseOverlaps() {
        SlideFolds folds = SlideFolds.given(List.of(Set.of("a", "b"), Set.of("c")));
        assertEquals(2, folds.count());
        assertTrue(folds.isHeldOut(0, "b"));
        assertTrue(folds.isHeldOut(1, "c"));
        assertEquals("slide b is held out in two folds", assertThrows(IllegalArgumentException.class,
                () -> SlideFolds.given(List.of(Set.of("a", "b"), Set.of("b")))).getMessage());
        assertEquals("cross-validation needs at least 2 folds, got 1", assertThrows(IllegalArgumentException.class,
                () -> SlideFolds.given(List.of(Set.of("a")))).getMessage());
        assertEquals("fold 2 holds out no slide", assertThrows(IllegalArgumentException.class,
                () -> SlideFolds.given(List.of(Set.of("a"), Set.of()))).getMessage());
    }

    @Test
    void foldsBySourceHoldOutEachLabsSlidesTogether() {
        List<String> items = List.of("VUHSK_1272", "SAS_21883_001", "VUHSK_1622", "SESCAM_102", "SAS_21891_001",
                "SESCAM_1_0", "VUHSK_1272");
        SlideFolds folds = SlideFolds.parse("sources", items, 7);
        assertEquals(3, folds.count());
        assertEquals(Set.of("SAS_21883_001", "SAS_21891_001"), folds.heldOut(0));
        assertEquals(Set.of("SESCAM_102", "SESCAM_1_0"), folds.heldOut(1));
        assertEquals(Set.of("VUHSK_1272", "VUHSK_1622"), folds.heldOut(2));
        assertEquals("SESCAM", SlideFolds.sourceOf("SESCAM_1_0"));
        assertEquals("slide7", SlideFolds.sourceOf("slide7"));
        assertEquals(SlideFolds.of(ITEMS, 3, 7).heldOut(1), SlideFolds.parse(" 3 ", ITEMS, 7).heldOut(1));
    }

    @Test
    void foldsBySourceNeedTwoSourcesAndOtherWordsAreRefused() {
        assertEquals("folds by source need slides of at least 2 sources (the part of a slide_id before its first "
                + "'_'), got [SAS]", assertThrows(IllegalArgumentException.class,
                () -> SlideFolds.parse("sources", List.of("SAS_1", "SAS_2"), 7)).getMessage());
        assertEquals("expected a number of folds or 'sources', got 'labs'", assertThrows(
                IllegalArgumentException.class, () -> SlideFolds.parse("labs", ITEMS, 7)).getMessage());
    }
}
