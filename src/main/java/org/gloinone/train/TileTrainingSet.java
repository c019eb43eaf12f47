package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gloinone.eval.DatasetException;
import org.gloinone.eval.LabelledTile;

/**
 * The kidney-tiles layout: {@code images/ID.png} RGB tiles and {@code masks/ID.png} masks (glomerulus where red),
 * each connected mask component being one glomerulus. Tiles are split by id ranges, since neighbouring ids are
 * neighbouring or overlapping tiles of one slide.
 */
public final class TileTrainingSet {
    private final List<KidneyTile> tiles;

    private TileTrainingSet(List<KidneyTile> tiles) {
        this.tiles = List.copyOf(tiles);
    }

    /**
     * Reads all tiles, downsampled by {@code factor} (box average), sorted by id; glomeruli smaller than
     * {@code minArea} pixels at that resolution (slivers at the border) are ignored.
     */
    public static TileTrainingSet read(Path dir, int factor, int minArea) throws IOException {
        List<LabelledTile> listed;
        try {
            listed = org.gloinone.eval.TileDataset.read(dir);
        } catch (DatasetException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<KidneyTile> out = new ArrayList<>();
        for (LabelledTile t : listed) {
            String base = t.name().replaceFirst("\\.png$", "");
            int id;
            try {
                id = Integer.parseInt(base);
            } catch (NumberFormatException e) {
                throw new IOException(t.image() + ": tile names must be numeric ids", e);
            }
            FloatImage img = FloatImage.readRgb(t.image());
            FloatImage mask = FloatImage.readMask(t.mask());
            if (factor > 1) {
                img = img.downsample(factor);
                mask = mask.downsample(factor);
            }
            out.add(new KidneyTile(id, img, mask, MaskComponents.circles(mask, minArea)));
        }
        out.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return new TileTrainingSet(out);
    }

    /** These tiles and {@code more}. */
    public TileTrainingSet plus(List<KidneyTile> more) {
        List<KidneyTile> all = new ArrayList<>(tiles);
        all.addAll(more);
        return new TileTrainingSet(all);
    }

    /** All tiles, by id. */
    public List<KidneyTile> tiles() {
        return tiles;
    }

    /** Tiles whose id is in [from, to] ({@code inside = true}) or outside it. */
    public List<KidneyTile> byIdRange(int from, int to, boolean inside) {
        return tiles.stream().filter(t -> (t.id() >= from && t.id() <= to) == inside).toList();
    }
}
