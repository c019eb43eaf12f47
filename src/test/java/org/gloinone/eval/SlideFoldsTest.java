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
}
