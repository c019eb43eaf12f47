package org.gloinone.fiji;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

import org.gloinone.detect.Circle;
import org.gloinone.detect.EqualAreaCircle;
import org.gloinone.imagej.RoiTags;

/**
 * Turns ROIs a pathologist drew or corrected into the circles Classify and Segment start from, in level-0
 * slide pixels:
 * <ul>
 *   <li>oval: its centre, and the radius of the circle of equal area ({@code sqrt(w h) / 2}), so a circle
 *       comes back exactly;</li>
 *   <li>rectangle: a box drawn around a glomerulus; the circle inscribed in it (centre of the box, radius the
 *       mean half side {@code (w + h) / 4}), as CircleNet's circle is inscribed in the glomerulus' box;</li>
 *   <li>polygon, freehand, traced or composite: a drawn outline; the circle of equal area centred on the
 *       outline's centroid;</li>
 *   <li>points and lines enclose nothing and are skipped, as are Glo-In-One's own mask outlines
 *       (ROIs whose property {@value GlomerulusRois#KIND} is {@value GlomerulusRois#OUTLINE}, or whose name
 *       ends in {@code " mask"}, as in a Glo-In-One ROI set file).</li>
 * </ul>
 */
public final class RoiCircles {

    /**
     * The circles and what was skipped.
     *
     * @param circles circles in level-0 pixels, in ROI order
     * @param sources the ROI each circle came from, same order
     * @param skipped one line per skipped ROI, naming it and why
     */
    public record Conversion(List<Circle> circles, List<Roi> sources, List<String> skipped) {
        public Conversion {
            circles = List.copyOf(circles);
            sources = List.copyOf(sources);
            skipped = List.copyOf(skipped);
            if (circles.size() != sources.size()) {
                throw new IllegalArgumentException(circles.size() + " circles but " + sources.size() + " ROIs");
            }
        }
    }

    private RoiCircles() {
    }

    /**
     * Converts ROIs drawn on an image whose pixels are {@code downsample} level-0 pixels wide.
     */
    public static Conversion toCircles(List<Roi> rois, double downsample) {
        List<Circle> circles = new ArrayList<>();
        List<Roi> sources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Roi roi : rois) {
            String name = roi.getName() == null ? roi.getTypeAsString() : roi.getName();
            if (isMaskOutline(roi)) {
                skipped.add(name + ": a mask outline, not a glomerulus circle");
                continue;
            }
            if (!roi.isArea()) {
                skipped.add(name + ": a " + roi.getTypeAsString().toLowerCase() + " encloses no area");
                continue;
            }
            Circle c = imageCircle(roi);
            if (c == null) {
                skipped.add(name + ": encloses no area");
                continue;
            }
            circles.add(new Circle(c.centerX() * downsample, c.centerY() * downsample, c.radius() * downsample));
            sources.add(roi);
        }
        return new Conversion(circles, sources, skipped);
    }

    /** True for Glo-In-One's mask outlines: made by {@link GlomerulusRois} or read from a result ROI set. */
    public static boolean isMaskOutline(Roi roi) {
        return RoiTags.isOutline(roi);
    }

    /**
     * The circle of one area ROI in image pixels by the one rule of every reader ({@link EqualAreaCircle}; ovals
     * and plain rectangles by their bounds, other shapes by their polygon), or null when it is empty.
     */
    static Circle imageCircle(Roi roi) {
        Rectangle2D.Double b = roi.getFloatBounds();
        if (roi instanceof OvalRoi) {
            return EqualAreaCircle.ofEllipse(b.x, b.y, b.x + b.width, b.y + b.height);
        }
        if (roi.getType() == Roi.RECTANGLE && roi.getCornerDiameter() == 0) {
            return EqualAreaCircle.ofRectangle(b.x, b.y, b.x + b.width, b.y + b.height);
        }
        FloatPolygon p = roi.getFloatPolygon();
        double[] xs = new double[p.npoints];
        double[] ys = new double[p.npoints];
        for (int i = 0; i < p.npoints; i++) {
            xs[i] = p.xpoints[i];
            ys[i] = p.ypoints[i];
        }
        return p.npoints < 3 ? null : EqualAreaCircle.ofPolygon(xs, ys);
    }
}
