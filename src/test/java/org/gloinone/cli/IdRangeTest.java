package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gloinone.eval.LabelledCrop;
import org.gloinone.eval.LabelledTile;
import org.junit.jupiter.api.Test;

class IdRangeTest {
    @Test
    void parsesARangeAndMatchesTileNamesByTheirDigits() {
        int[] range = IdRange.parse("--tiles", "10149-10165");
        assertArrayEquals(new int[] {10149, 10165}, range);
        assertTrue(IdRange.contains(range, "10149.png"));
        assertTrue(IdRange.contains(range, "10165.png"));
        assertFalse(IdRange.contains(range, "10148.png"));
        assertFalse(IdRange.contains(range, "tile-10150.png"));
    }

    @Test
    void noneIsARangeNoTileReaches() {
        int[] none = IdRange.parseOrNone("--validation-tiles", "None");
        assertFalse(IdRange.contains(none, "999999999.png"));
        assertFalse(IdRange.contains(none, "10149.png"));
        assertArrayEquals(new int[] {1, 2}, IdRange.parseOrNone("--validation-tiles", "1-2"));
        assertThrows(IllegalArgumentException.class, () -> IdRange.parseOrNone("--validation-tiles", "nothing"));
    }

    @Test
    void rejectsMalformedRangesNamingTheOption() {
        for (String bad : List.of("10149", "a-b", "5-3", "1-2-3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IdRange.parse("--validation-tiles", bad));
            assertEquals("--validation-tiles: expected FIRST-LAST, got '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void evaluationOptionsSelectHeldOutCropsAndTiles() {
        EvaluationOptions options = new EvaluationOptions();
        options.data = Path.of("crops");
        List<LabelledCrop> crops = List.of(crop("a", "S1"), crop("b", "S2"), crop("c", "S1"));
        assertEquals(3, options.selectCrops(crops).size());
        options.slides = List.of("S1");
        assertEquals(List.of("a", "c"), options.selectCrops(crops).stream().map(LabelledCrop::name).toList());
        options.slides = List.of("S9");
        assertThrows(IllegalArgumentException.class, () -> options.selectCrops(crops));

        List<LabelledTile> tiles = List.of(tile("10003.png"), tile("10149.png"), tile("10165.png"));
        options.tiles = "10149-10165";
        assertEquals(List.of("10149.png", "10165.png"),
                options.selectTiles(tiles).stream().map(LabelledTile::name).toList());
    }

    private static LabelledCrop crop(String name, String slide) {
        return new LabelledCrop(name, Path.of(name + ".png"), Path.of(name + "-mask.png"), "nonGS", false, slide);
    }

    private static LabelledTile tile(String name) {
        return new LabelledTile(name, Path.of("images", name), Path.of("masks", name));
    }
}
