package org.gloinone.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.io.AnnotationRegion;
import org.gloinone.io.RegionShape;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLimits;
import org.gloinone.slide.SlideOpener;

/**
 * Training material cut from annotated slides, in the shapes the kidney tiles and glomerulus crops have, so every
 * task trains on them unchanged: tiles (windows around the annotated glomeruli, with their masks) and crops (one
 * per glomerulus, centred on it).
 */
public final class AnnotatedSlideData {
    /** Crop side in glomerulus diameters: the glomerulus and a ring of context, as in the crops dataset. */
    static final double CROP_DIAMETERS = 1.5;
    /** How far past a slide edge an annotation's centre may lie, as a fraction of the slide's side. */
    static final double EDGE_TOLERANCE = 0.01;
    /** Largest plausible glomerulus annotation: human glomeruli are 100-350 um across. */
    static final double MAX_GLOMERULUS_MICRONS = 1000;

    private AnnotatedSlideData() {
    }

    /**
     * Windows of {@code side} x {@code side} pixels at {@code micronsPerPixel} on a grid over the annotated
     * glomeruli, each kept when a glomerulus centre lies in it. Tile ids count down from -1, outside every
     * validation range, so they always train.
     *
     * @throws IOException naming the slide when it cannot be read or does not state its pixel size
     */
    public static List<KidneyTile> tiles(List<AnnotatedSlide> slides, double micronsPerPixel, int side)
            throws IOException {
        List<KidneyTile> tiles = new ArrayList<>();
        SlideOpener opener = SlideOpener.withDefaultBackends();
        for (AnnotatedSlide annotated : slides) {
            List<AnnotationRegion> glomeruli = annotated.glomeruli();
            if (glomeruli.isEmpty()) {
                continue;
            }
            List<Circle> circles = glomeruli.stream().map(r -> r.toCircle().orElseThrow()).toList();
            try (Slide slide = SlideLimits.checked(opener.open(annotated.slide()), OptionalDouble.empty())) {
                requireOnSlide(glomeruli, slide);
                double window = side * micronsPerPixel / slide.requireMicronsPerPixel(); // level-0 pixels
                double minX = circles.stream().mapToDouble(Circle::centerX).min().orElseThrow() - window / 2;
                double minY = circles.stream().mapToDouble(Circle::centerY).min().orElseThrow() - window / 2;
                double maxX = circles.stream().mapToDouble(Circle::centerX).max().orElseThrow() + window / 2;
                double maxY = circles.stream().mapToDouble(Circle::centerY).max().orElseThrow() + window / 2;
                for (double y0 = minY; y0 < maxY; y0 += window) {
                    for (double x0 = minX; x0 < maxX; x0 += window) {
                        double wx = x0;
                        double wy = y0;
                        List<Circle> inside = circles.stream().filter(c -> c.centerX() >= wx
                                && c.centerX() < wx + window && c.centerY() >= wy && c.centerY() < wy + window).toList();
                        if (inside.isEmpty()) {
                            continue;
                        }
                        double scale = side / window;
                        FloatImage image = read(slide, x0, y0, window, side);
                        FloatImage mask = mask(glomeruli, x0, y0, scale, side);
                        List<Circle> local = circles.stream().map(c -> new Circle((c.centerX() - wx) * scale,
                                (c.centerY() - wy) * scale, c.radius() * scale)).toList();
                        tiles.add(new KidneyTile(-1 - tiles.size(), image, mask, local));
                    }
                }
            }
        }
        return tiles;
    }

    /**
     * One {@code size} x {@code size} crop per annotated glomerulus, {@link #CROP_DIAMETERS} of its circle wide,
     * with its mask and its sclerosis label; the slide file name is the crop's slide id.
     *
     * @throws IOException naming the slide when it cannot be read
     */
    public static List<GlomerulusCrop> crops(List<AnnotatedSlide> slides, int size) throws IOException {
        List<GlomerulusCrop> crops = new ArrayList<>();
        SlideOpener opener = SlideOpener.withDefaultBackends();
        for (AnnotatedSlide annotated : slides) {
            String slideId = annotated.slide().getFileName().toString();
            try (Slide slide = SlideLimits.checked(opener.open(annotated.slide()), OptionalDouble.empty())) {
                requireOnSlide(annotated.glomeruli(), slide);
                for (AnnotationRegion r : annotated.glomeruli()) {
                    Circle c = r.toCircle().orElseThrow();
                    double side0 = 2 * c.radius() * CROP_DIAMETERS;
                    double x0 = c.centerX() - side0 / 2;
                    double y0 = c.centerY() - side0 / 2;
                    crops.add(new GlomerulusCrop(slideId + "#" + r.regionId(), read(slide, x0, y0, side0, size),
                            mask(List.of(r), x0, y0, size / side0, size), AnnotatedSlide.sclerosed(r), slideId));
                }
            }
        }
        return crops;
    }

    /**
     * Refuses annotations that do not belong to the slide: a glomerulus's centre must lie on the slide (up to
     * {@link #EDGE_TOLERANCE} of its side past an edge; a glomerulus cut by the edge is fine) and it must be smaller
     * than {@link #MAX_GLOMERULUS_MICRONS}. Without this, coordinates far off the slide plan windows or crops of
     * absurd size.
     *
     * @throws SlideException naming the slide, the region and its extent
     */
    static void requireOnSlide(List<AnnotationRegion> glomeruli, Slide slide) throws SlideException {
        long width = slide.levels().get(0).width();
        long height = slide.levels().get(0).height();
        double marginX = width * EDGE_TOLERANCE;
        double marginY = height * EDGE_TOLERANCE;
        OptionalDouble mpp = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent()
                ? OptionalDouble.of(slide.requireMicronsPerPixel()) : OptionalDouble.empty();
        for (AnnotationRegion r : glomeruli) {
            double minX = Arrays.stream(r.xs()).min().orElse(0);
            double maxX = Arrays.stream(r.xs()).max().orElse(0);
            double minY = Arrays.stream(r.ys()).min().orElse(0);
            double maxY = Arrays.stream(r.ys()).max().orElse(0);
            double cx = (minX + maxX) / 2;
            double cy = (minY + maxY) / 2;
            String where = "annotation region " + r.regionId() + " (x " + (long) minX + ".." + (long) maxX + ", y "
                    + (long) minY + ".." + (long) maxY + " px)";
            if (!(cx >= -marginX && cy >= -marginY && cx <= width + marginX && cy <= height + marginY)) {
                throw new SlideException(slide.path(), where + " lies outside the slide (" + width + " x " + height
                        + " px); the annotations belong to another slide or are not in level-0 pixels");
            }
            double diameter = Math.max(maxX - minX, maxY - minY);
            if (mpp.isPresent() && diameter * mpp.getAsDouble() > MAX_GLOMERULUS_MICRONS) {
                throw new SlideException(slide.path(), where + " is " + Math.round(diameter * mpp.getAsDouble())
                        + " um across, larger than any glomerulus (" + (int) MAX_GLOMERULUS_MICRONS + " um)");
            }
        }
    }

    private static FloatImage read(Slide slide, double x0, double y0, double side0, int side) throws IOException {
        int[] argb = slide.readScaled(x0, y0, side0, side0, side, side).update(null).getCurrentStorageArray();
        return FloatImage.fromArgb(side, side, argb);
    }

    /** The regions filled into a side x side mask whose origin is level-0 (x0, y0), at {@code scale} px per px. */
    static FloatImage mask(List<AnnotationRegion> regions, double x0, double y0, double scale, int side) {
        BufferedImage raster = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = raster.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(java.awt.Color.WHITE);
            for (AnnotationRegion r : regions) {
                g.fill(shape(r, x0, y0, scale));
            }
        } finally {
            g.dispose();
        }
        byte[] bytes = ((DataBufferByte) raster.getRaster().getDataBuffer()).getData();
        float[] values = new float[side * side];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes[i] != 0 ? 1f : 0f;
        }
        return new FloatImage(side, side, 1, values);
    }

    private static Shape shape(AnnotationRegion r, double x0, double y0, double scale) {
        double[] xs = r.xs();
        double[] ys = r.ys();
        if (r.shape() == RegionShape.POLYGON) {
            Path2D.Double p = new Path2D.Double();
            for (int i = 0; i < xs.length; i++) {
                double x = (xs[i] - x0) * scale;
                double y = (ys[i] - y0) * scale;
                if (i == 0) {
                    p.moveTo(x, y);
                } else {
                    p.lineTo(x, y);
                }
            }
            p.closePath();
            return p;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double x = (minX - x0) * scale;
        double y = (minY - y0) * scale;
        double w = (maxX - minX) * scale;
        double h = (maxY - minY) * scale;
        return r.shape() == RegionShape.ELLIPSE ? new Ellipse2D.Double(x, y, w, h) : new Rectangle2D.Double(x, y, w, h);
    }
}
