package org.gloinone.slide.tiff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache of decoded tiles, bounded by the total number of pixels it holds.
 * Neighbouring region reads (tiles overlapping by a margin) then decode each tile once.
 */
final class TileCache {
    /** Identifies a tile: the image (directory) it belongs to and its index there. */
    record Key(int image, int chunk) {
    }

    private final long maxPixels;
    private long pixels;
    private final LinkedHashMap<Key, int[]> map = new LinkedHashMap<>(64, 0.75f, true);

    TileCache(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    synchronized int[] get(Key key) {
        return map.get(key);
    }

    synchronized void put(Key key, int[] tile) {
        if (tile.length > maxPixels) {
            return;
        }
        int[] old = map.put(key, tile);
        if (old != null) {
            pixels -= old.length;
        }
        pixels += tile.length;
        var it = map.entrySet().iterator();
        while (pixels > maxPixels && it.hasNext()) {
            Map.Entry<Key, int[]> eldest = it.next();
            pixels -= eldest.getValue().length;
            it.remove();
        }
    }

    synchronized void clear() {
        map.clear();
        pixels = 0;
    }
}
