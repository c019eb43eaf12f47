package org.gloinone.io;

import java.util.Optional;

import org.gloinone.detect.Circle;
import org.gloinone.detect.EqualAreaCircle;

/**
 * One region of an annotation file (an ImageScope Region or a GeoJSON Feature), in level-0 pixels.
 *
 * @param layer    the layer (ImageScope Annotation Name, or the class) it belongs to; may be empty
 * @param regionId the region's id within its file (ImageScope Region Id), 0 when it has none
 * @param shape    the kind of shape
 * @param text     the region's text or name; may be empty
 * @param xs       vertex x coordinates (for ellipses and rectangles: at least two opposite corners)
 * @param ys       vertex y coordinates
 * @param negative a region cut out of its layer's other regions (ImageScope's NegativeROA), not an object
 */
public record AnnotationRegion(String layer, int regionId, RegionShape shape, String text, double[] xs, double[] ys,
                               boolean negative) {
    /** Largest coordinate a reader accepts, in level-0 pixels: slides are at most a few hundred thousand wide. */
    public static final double MAX_COORDINATE = 1e9;

    public AnnotationRegion {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x but " + ys.length + " y coordinates");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** Number of vertices. */
    public int size() {
        return xs.length;
    }

    /**
     * The circle this region stands for, e.g. to classify and segment glomeruli a pathologist circled: the
     * circle of equal area at the region's centroid, whatever its shape (an ellipse's radius is the geometric
     * mean of its half-axes). This is the one region-to-circle rule of every reader and of Fiji's ROIs. Points,
     * lines, negative regions and shapes without area give none.
     */
    public Optional<Circle> toCircle() {
        if (negative || !shape.hasArea() || xs.length < 2) {
            return Optional.empty();
        }
        try {
            if (shape == RegionShape.POLYGON) {
                return xs.length < 3 ? Optional.empty() : Optional.of(Polygons.equivalentCircle(xs, ys));
            }
            double minX = java.util.Arrays.stream(xs).min().orElseThrow();
            double maxX = java.util.Arrays.stream(xs).max().orElseThrow();
            double minY = java.util.Arrays.stream(ys).min().orElseThrow();
            double maxY = java.util.Arrays.stream(ys).max().orElseThrow();
            return Optional.ofNullable(shape == RegionShape.ELLIPSE
                    ? EqualAreaCircle.ofEllipse(minX, minY, maxX, maxY)
                    : EqualAreaCircle.ofRectangle(minX, minY, maxX, maxY));
        } catch (IllegalArgumentException noExtent) {
            return Optional.empty();
        }
    }
}
