package org.gloinone.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void tilesCoverTheSlideWithThePromisedOverlapAtANonIntegerDownsample() {
        // 0.2527 um/px slide, detector at 2 um/px: 7.914... level-0 px per model px.
        long w = 40_003;
        long h = 17_777;
        double slideMpp = 0.2527;
        TileGrid grid = TileGrid.plan(w, h, slideMpp, 2.0, 1024, 320);
        assertEquals(512, grid.tilePixels());
        assertEquals(160, grid.overlapPixels());
        double scale = 2.0 / slideMpp;
        assertEquals(scale, grid.scale(), 1e-12);
        double overlap0 = 320 / slideMpp; // level-0 pixels
        for (Tile t : grid.tiles()) {
            assertEquals(512 * scale, t.size0(), 1e-9);
            assertTrue(t.x0() >= -1e-9 && t.y0() >= -1e-9, "tile starts inside the slide");
            assertTrue(t.x1() <= w + 1e-6 && t.y1() <= h + 1e-6, "tile ends inside the slide: " + t);
            if (t.column() > 0) {
                Tile left = grid.tileAt(t.column() - 1, t.row());
                assertTrue(left.x1() - t.x0() >= overlap0 - 1e-6, "horizontal overlap " + (left.x1() - t.x0()));
            }
            if (t.row() > 0) {
                Tile above = grid.tileAt(t.column(), t.row() - 1);
                assertTrue(above.y1() - t.y0() >= overlap0 - 1e-6, "vertical overlap");
            }
        }
        assertEquals(0, grid.tileAt(0, 0).x0(), 0);
        assertEquals(w, grid.tileAt(grid.columns() - 1, 0).x1(), 1e-6);
        assertEquals(h, grid.tileAt(0, grid.rows() - 1).y1(), 1e-6);
        // Regular step of (512 - 160) model px between all but the last tile.
        assertEquals(352 * scale, grid.tileAt(1, 0).x0() - grid.tileAt(0, 0).x0(), 1e-6);
        assertEquals((int) Math.ceil((w / scale - 512) / 352) + 1, grid.columns());
        assertEquals(grid.columns() * grid.rows(), grid.tiles().size());
    }

    @Test
    void everyDiscSmallerThanTheOverlapLiesWholeInSomeTile() {
        long w = 9_001;
        long h = 6_503;
        double slideMpp = 0.499;
        TileGrid grid = TileGrid.plan(w, h, slideMpp, 1.3, 600, 300);
        double radius0 = 150 / slideMpp / 2 * 0.99;
        for (double y = radius0; y <= h - radius0; y += 97) {
            for (double x = radius0; x <= w - radius0; x += 89) {
                boolean whole = false;
                for (Tile t : grid.tiles()) {
                    if (x - radius0 >= t.x0() && x + radius0 <= t.x1() && y - radius0 >= t.y0() && y + radius0 <= t.y1()) {
                        whole = true;
                        break;
                    }
                }
                assertTrue(whole, "disc at " + x + "," + y + " is cut by every tile");
            }
        }
    }

    @Test
    void aSlideSmallerThanOneTileGetsOnePaddedTile() {
        TileGrid grid = TileGrid.plan(300, 200, 0.5, 2.0, 1024, 300);
        assertEquals(1, grid.tiles().size());
        Tile t = grid.tiles().get(0);
        assertEquals(0, t.x0());
        assertEquals(512 * 4.0, t.size0(), 1e-9);
    }

    @Test
    void anOverlapAsLargeAsTheTileIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TileGrid.plan(1000, 1000, 0.5, 1.0, 100, 100));
        assertTrue(e.getMessage().contains("overlap"));
    }
}
