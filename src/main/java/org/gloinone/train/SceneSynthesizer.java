package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gloinone.detect.Circle;

/**
 * Builds detector scenes: a randomly flipped, rotated and zoomed window of a real tile (with its real glomeruli),
 * onto whose glomerulus-free tissue masked glomeruli from the crops are pasted at realistic diameters, blended
 * with a feathered alpha so that the seam carries no signal. In training the zoom spans the scale jitter in both
 * directions (a pixel size {@code 1 - j} to {@code 1 + j} times the detector's), and one scene in five is a
 * background window with only the tile's own glomeruli. A window larger than its tile is mirrored there, and so
 * are the tile's glomeruli.
 * <p>
 * Optionally ({@link #withCropMosaics}) a share of training scenes lays whole crops over the tile window instead of
 * pasting masked glomeruli: each crop, scaled so that its glomerulus takes a diameter of the pasted range and
 * randomly turned, keeps the tissue around it, so the scene shows real glomeruli as they were cut, from every slide
 * of the crops, where pasted glomeruli sit on the few training tiles' tissue.
 */
public final class SceneSynthesizer {
    private final List<KidneyTile> tiles;
    private final List<GlomerulusCrop> crops;
    private final List<Circle> cropCircles;
    private final double minDiameter;
    private final double maxDiameter;
    private final int maxPasted;
    private final double scaleJitter;
    private final double mosaicShare;

    /** Share of a crop mosaic's cells that a crop takes; the tile window shows in the others. */
    static final double MOSAIC_FILL = 0.6;

    /** Share of training scenes with nothing pasted: background windows of every tile at every scale. */
    static final double BACKGROUND_SHARE = 0.2;

    /**
     * @param tiles       background tiles at the detector's resolution
     * @param crops       crops whose masked glomeruli are pasted
     * @param minDiameter smallest pasted diameter in pixels (100 um at the detector's um/px)
     * @param maxDiameter largest pasted diameter in pixels (250 um)
     * @param maxPasted   most glomeruli pasted per scene
     */
    public SceneSynthesizer(List<KidneyTile> tiles, List<GlomerulusCrop> crops, double minDiameter,
                            double maxDiameter, int maxPasted) {
        this(tiles, crops, minDiameter, maxDiameter, maxPasted, 0.2);
    }

    /**
     * As above.
     *
     * @param scaleJitter relative pixel-size range of training scenes, in [0, 0.9): 0.4 spans 0.6 to 1.4 times
     */
    public SceneSynthesizer(List<KidneyTile> tiles, List<GlomerulusCrop> crops, double minDiameter,
                            double maxDiameter, int maxPasted, double scaleJitter) {
        this(tiles, crops, minDiameter, maxDiameter, maxPasted, scaleJitter, 0);
    }

    private SceneSynthesizer(List<KidneyTile> tiles, List<GlomerulusCrop> crops, double minDiameter,
                             double maxDiameter, int maxPasted, double scaleJitter, double mosaicShare) {
        if (!(mosaicShare >= 0 && mosaicShare <= 1)) {
            throw new IllegalArgumentException("crop mosaic share must be in [0, 1], got " + mosaicShare);
        }
        this.mosaicShare = mosaicShare;
        if (!(scaleJitter >= 0 && scaleJitter < 0.9)) {
            throw new IllegalArgumentException("scale jitter must be in [0, 0.9), got " + scaleJitter);
        }
        this.scaleJitter = scaleJitter;
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("scene synthesis needs at least one tile");
        }
        this.tiles = List.copyOf(tiles);
        this.crops = List.copyOf(crops);
        this.cropCircles = new ArrayList<>();
        for (GlomerulusCrop c : this.crops) {
            List<Circle> cs = MaskComponents.circles(c.mask(), 50);
            Circle biggest = cs.stream().max((a, b) -> Double.compare(a.radius(), b.radius()))
                    .orElse(new Circle(c.mask().width() / 2.0, c.mask().height() / 2.0, c.mask().width() / 2.0));
            cropCircles.add(biggest);
        }
        this.minDiameter = minDiameter;
        this.maxDiameter = maxDiameter;
        this.maxPasted = maxPasted;
    }

    /**
     * This synthesizer with {@code share} of its training scenes (geometric ones) made as crop mosaics; 0 keeps
     * the scenes, and their random sequence, as they were.
     */
    public SceneSynthesizer withCropMosaics(double share) {
        return new SceneSynthesizer(tiles, crops, minDiameter, maxDiameter, maxPasted, scaleJitter, share);
    }

    /** One scene of size x size pixels; {@code geometric} enables the random flip, rotation and zoom of the tile. */
    public DetectorScene scene(Random rnd, int size, boolean geometric) {
        boolean mosaic = geometric && mosaicShare > 0 && !crops.isEmpty() && rnd.nextDouble() < mosaicShare;
        KidneyTile tile = tiles.get(rnd.nextInt(tiles.size()));
        FloatImage src = tile.image();
        double maxScale = Math.min(src.width(), src.height()) / (double) size;
        double scale = geometric
                ? Math.exp(Math.log(1 - scaleJitter) + rnd.nextDouble() * Math.log((1 + scaleJitter) / (1 - scaleJitter)))
                : Math.min(1, maxScale);
        double halfX = src.width() / 2.0 - size * scale / 2;
        double halfY = src.height() / 2.0 - size * scale / 2;
        Warp warp = new Warp(src.width() / 2.0 + (rnd.nextDouble() * 2 - 1) * Math.max(0, halfX),
                src.height() / 2.0 + (rnd.nextDouble() * 2 - 1) * Math.max(0, halfY), scale,
                geometric ? rnd.nextInt(4) : 0, geometric && rnd.nextBoolean());
        FloatImage scene = warp.sample(src, size);
        List<Circle> circles = new ArrayList<>();
        for (Circle c : withMirrorImages(tile.circles(), src.width(), src.height())) {
            double[] p = warp.toOutput(c.centerX(), c.centerY(), size);
            if (p[0] >= 0 && p[1] >= 0 && p[0] < size && p[1] < size) {
                circles.add(new Circle(p[0], p[1], c.radius() / scale));
            }
        }
        if (mosaic) {
            placeCrops(rnd, scene, circles, size);
            return new DetectorScene(scene, circles);
        }
        boolean background = geometric && rnd.nextDouble() < BACKGROUND_SHARE;
        int pastes = crops.isEmpty() || background ? 0 : 1 + rnd.nextInt(maxPasted);
        for (int i = 0; i < pastes; i++) {
            paste(rnd, scene, circles, size, scale);
        }
        return new DetectorScene(scene, circles);
    }

    /**
     * Lays whole crops over a tile window, row by row from a random offset above and left of the scene, each cell
     * taken by a crop with probability {@link #MOSAIC_FILL} (else the tile shows there): each crop scaled so that its
     * glomerulus has a diameter drawn from the pasted range, turned and flipped at random. A crop's circle is kept
     * where its centre falls on the scene; the tile's circles whose centres a crop covers are dropped.
     */
    private void placeCrops(Random rnd, FloatImage scene, List<Circle> circles, int size) {
        int y = -rnd.nextInt(Math.max(1, size / 4));
        while (y < size) {
            int x = -rnd.nextInt(Math.max(1, size / 4));
            int rowHeight = 0;
            while (x < size) {
                int which = rnd.nextInt(crops.size());
                GlomerulusCrop crop = crops.get(which);
                Circle inCrop = cropCircles.get(which);
                double diameter = minDiameter + rnd.nextDouble() * (maxDiameter - minDiameter);
                double f = diameter / 2 / inCrop.radius(); // scene pixels per crop pixel
                int cell = Math.max(8, (int) Math.round(Math.min(crop.image().width(), crop.image().height()) * f));
                Warp w = new Warp(crop.image().width() / 2.0, crop.image().height() / 2.0, 1 / f, rnd.nextInt(4),
                        rnd.nextBoolean());
                if (rnd.nextDouble() < MOSAIC_FILL) {
                    drawCell(w.sample(crop.image(), cell), scene, x, y, circles);
                    double[] p = w.toOutput(inCrop.centerX(), inCrop.centerY(), cell);
                    double cx = x + p[0];
                    double cy = y + p[1];
                    if (cx >= 0 && cy >= 0 && cx < size && cy < size) {
                        circles.add(new Circle(cx, cy, inCrop.radius() * f));
                    }
                }
                x += cell;
                rowHeight = Math.max(rowHeight, cell);
            }
            y += rowHeight;
        }
    }

    /** Copies {@code cell} onto the scene at (x0, y0), and drops the circles whose centres it covers. */
    private static void drawCell(FloatImage cell, FloatImage scene, int x0, int y0, List<Circle> circles) {
        int edge = cell.width();
        circles.removeIf(c -> c.centerX() >= x0 && c.centerX() < x0 + edge && c.centerY() >= y0
                && c.centerY() < y0 + edge);
        for (int v = 0; v < edge; v++) {
            int sy = y0 + v;
            if (sy < 0 || sy >= scene.height()) {
                continue;
            }
            for (int u = 0; u < edge; u++) {
                int sx = x0 + u;
                if (sx >= 0 && sx < scene.width()) {
                    for (int c = 0; c < 3; c++) {
                        scene.set(sx, sy, c, cell.get(u, v, c));
                    }
                }
            }
        }
    }

    /**
     * The circles (continuous coordinates) and their mirror images across the tile's edges, where
     * {@link Warp#sample} mirrors the pixels: about the centres of pixels 0 and {@code n - 1}, i.e. 0.5 and n - 0.5.
     */
    static List<Circle> withMirrorImages(List<Circle> circles, int width, int height) {
        List<Circle> out = new ArrayList<>();
        for (Circle c : circles) {
            for (double x : new double[] {c.centerX(), 1 - c.centerX(), 2.0 * width - 1 - c.centerX()}) {
                for (double y : new double[] {c.centerY(), 1 - c.centerY(), 2.0 * height - 1 - c.centerY()}) {
                    out.add(new Circle(x, y, c.radius()));
                }
            }
        }
        return out;
    }

    private void paste(Random rnd, FloatImage scene, List<Circle> circles, int size, double scale) {
        int which = rnd.nextInt(crops.size());
        GlomerulusCrop crop = crops.get(which);
        Circle inCrop = cropCircles.get(which);
        double diameter = (minDiameter + rnd.nextDouble() * (maxDiameter - minDiameter)) / scale;
        double r = diameter / 2;
        for (int attempt = 0; attempt < 15; attempt++) {
            double cx = r * 0.5 + rnd.nextDouble() * (size - r);
            double cy = r * 0.5 + rnd.nextDouble() * (size - r);
            Circle placed = new Circle(cx, cy, r);
            if (overlaps(placed, circles) || tissueAround(scene, placed) < 0.6) {
                continue;
            }
            double f = r / inCrop.radius();
            int patch = (int) Math.ceil(2 * r * 1.1) + 2;
            Warp w = new Warp(inCrop.centerX(), inCrop.centerY(), 1 / f, rnd.nextInt(4), rnd.nextBoolean());
            FloatImage img = w.sample(crop.image(), patch);
            FloatImage alpha = w.sample(crop.mask(), patch);
            // no glomerulus outside the crop (the sampler mirrors there)
            for (int v = 0; v < patch; v++) {
                for (int u = 0; u < patch; u++) {
                    double[] src = w.source(u, v, patch);
                    if (src[0] < 0 || src[1] < 0 || src[0] > crop.mask().width() - 1
                            || src[1] > crop.mask().height() - 1) {
                        alpha.set(u, v, 0, 0f);
                    }
                }
            }
            // feathered: about 1.5 % of the diameter, so that neither the mask's edge nor the seam is a cue
            for (int pass = 0, passes = 1 + (int) Math.round(r / 10); pass < passes; pass++) {
                Augmenter.blur(alpha);
            }
            int x0 = (int) Math.round(cx - patch / 2.0);
            int y0 = (int) Math.round(cy - patch / 2.0);
            for (int v = 0; v < patch; v++) {
                for (int u = 0; u < patch; u++) {
                    int x = x0 + u;
                    int y = y0 + v;
                    if (x < 0 || y < 0 || x >= size || y >= size) {
                        continue;
                    }
                    float a = alpha.get(u, v, 0);
                    for (int c = 0; c < 3; c++) {
                        scene.set(x, y, c, a * img.get(u, v, c) + (1 - a) * scene.get(x, y, c));
                    }
                }
            }
            // the circle of the pasted glomerulus: its crop circle mapped into the scene
            circles.add(new Circle(x0 + patch / 2.0, y0 + patch / 2.0, r));
            return;
        }
    }

    private static boolean overlaps(Circle c, List<Circle> others) {
        for (Circle o : others) {
            if (Math.hypot(c.centerX() - o.centerX(), c.centerY() - o.centerY()) < 0.9 * (c.radius() + o.radius())) {
                return true;
            }
        }
        return false;
    }

    /** Share of tissue (non-glass) pixels inside the circle. */
    private static double tissueAround(FloatImage img, Circle c) {
        int n = 0;
        int tissue = 0;
        int step = Math.max(1, (int) (c.radius() / 6));
        for (int y = (int) (c.centerY() - c.radius()); y <= c.centerY() + c.radius(); y += step) {
            for (int x = (int) (c.centerX() - c.radius()); x <= c.centerX() + c.radius(); x += step) {
                if (x < 0 || y < 0 || x >= img.width() || y >= img.height()
                        || Math.hypot(x - c.centerX(), y - c.centerY()) > c.radius()) {
                    continue;
                }
                n++;
                if ((img.get(x, y, 0) + img.get(x, y, 1) + img.get(x, y, 2)) / 3 < 0.85f) {
                    tissue++;
                }
            }
        }
        return n == 0 ? 0 : tissue / (double) n;
    }
}
