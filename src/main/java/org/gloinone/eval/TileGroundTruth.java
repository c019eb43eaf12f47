package org.gloinone.eval;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Circle;

/**
 * The ground truth of one tile for detection: glomeruli large enough to count, each with its circle, and the
 * smaller fragments, which are ignore regions (a detection there is neither a true nor a false positive).
 *
 * @param glomeruli     components of at least the minimum area, in raster order
 * @param ignoreRegions components below the minimum area
 */
public record TileGroundTruth(List<MaskComponent> glomeruli, List<MaskComponent> ignoreRegions) {
    /** The paper's smallest glomerulus that counts as a ground truth, in square micrometres. */
    public static final double DEFAULT_MIN_AREA_UM2 = 500;

    public TileGroundTruth {
        glomeruli = List.copyOf(glomeruli);
        ignoreRegions = List.copyOf(ignoreRegions);
    }

    /**
     * Splits a tile mask into glomeruli and ignore regions by area.
     *
     * @param mask            the tile's mask; each 8-connected component is one glomerulus
     * @param micronsPerPixel the tile's pixel size
     * @param minAreaUm2      components smaller than this (in µm²) become ignore regions
     */
    public static TileGroundTruth fromMask(BinaryMask mask, double micronsPerPixel, double minAreaUm2) {
        return fromMask(mask, micronsPerPixel, minAreaUm2, false);
    }

    /**
     * As {@link #fromMask(BinaryMask, double, double)}; with {@code borderCutIgnored}, components that touch the
     * tile's edge are ignore regions too: a glomerulus cut by the tile is not a whole one to find, and its visible
     * part gives a circle a detector of whole glomeruli cannot match.
     */
    public static TileGroundTruth fromMask(BinaryMask mask, double micronsPerPixel, double minAreaUm2,
                                           boolean borderCutIgnored) {
        if (!(micronsPerPixel > 0) || Double.isInfinite(micronsPerPixel)) {
            throw new IllegalArgumentException("pixel size (um/px) must be > 0, got " + micronsPerPixel);
        }
        List<MaskComponent> keep = new ArrayList<>();
        List<MaskComponent> ignore = new ArrayList<>();
        double pixelArea = micronsPerPixel * micronsPerPixel;
        for (MaskComponent c : ConnectedComponents.of(mask)) {
            boolean cut = c.left() == 0 || c.top() == 0 || c.left() + c.boxWidth() == mask.width()
                    || c.top() + c.boxHeight() == mask.height();
            (c.area() * pixelArea >= minAreaUm2 && !(borderCutIgnored && cut) ? keep : ignore).add(c);
        }
        return new TileGroundTruth(keep, ignore);
    }

    /** The ground-truth circles: centroid and equal-area radius of each glomerulus, in pixels. */
    public List<Circle> circles() {
        return glomeruli.stream().map(MaskComponent::equalAreaCircle).toList();
    }
}
