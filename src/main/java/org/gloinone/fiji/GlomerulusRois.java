package org.gloinone.fiji;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import org.gloinone.io.ClassColors;
import org.gloinone.detect.Circle;
import org.gloinone.imagej.RoiTags;
import org.gloinone.io.ResultNames;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;

/**
 * One ROI per glomerulus for the ROI Manager and overlays: an oval on the detected circle named as in the
 * written ROI set ({@link ResultNames#roiName}: {@code "G0001 normal 0.93"}, id, class, the class's
 * probability or the detection score when not classified) and stroked in the class colour; optionally the
 * mask outline as a polygon named {@code "G0001 normal mask"}. Each carries its id and class as ROI properties
 * ({@link RoiTags}). Coordinates are divided by the image's downsample, so the ROIs sit on a thumbnail as on
 * the full image.
 */
public final class GlomerulusRois {
    /** ROI property telling what a Glo-In-One ROI is: {@value #CIRCLE} or {@value #OUTLINE}. */
    public static final String KIND = RoiTags.KIND;
    /** {@link #KIND} of the circle ROIs. */
    public static final String CIRCLE = RoiTags.CIRCLE;
    /** {@link #KIND} of the mask outline ROIs. */
    public static final String OUTLINE = RoiTags.OUTLINE;
    /** ROI property holding the glomerulus id. */
    public static final String ID = RoiTags.ID;

    private GlomerulusRois() {
    }

    /**
     * The ROIs of a result's glomeruli, circle (then outline, when asked and segmented) per glomerulus, in id
     * order.
     *
     * @param downsample level-0 pixels per pixel of the image the ROIs go on
     * @param outlines   include the mask outlines
     */
    public static List<Roi> of(SlideResult result, double downsample, boolean outlines) {
        return of(result, result.glomeruli(), downsample, outlines);
    }

    /** As {@link #of(SlideResult, double, boolean)} for some of the result's glomeruli (or rejected ones). */
    public static List<Roi> of(SlideResult result, List<GlomerulusResult> glomeruli, double downsample,
                               boolean outlines) {
        List<Roi> rois = new ArrayList<>();
        for (GlomerulusResult g : glomeruli) {
            Circle c = g.detection().circle();
            double r = c.radius() / downsample;
            Roi oval = new OvalRoi(c.centerX() / downsample - r, c.centerY() / downsample - r, 2 * r, 2 * r);
            rois.add(circle(oval, result, g));
            if (outlines && g.outline().isPresent()) {
                rois.add(outline(result, g, downsample));
            }
        }
        return rois;
    }

    /** {@code roi} named, coloured and tagged as the circle of glomerulus {@code g}. */
    public static Roi circle(Roi roi, SlideResult result, GlomerulusResult g) {
        style(roi, ResultNames.roiName(g), colour(result, g));
        RoiTags.tag(roi, g, RoiTags.CIRCLE, result.sclerosedClasses().contains(g.className()));
        return roi;
    }

    /** The mask outline of a segmented glomerulus, named, coloured and tagged. */
    public static Roi outline(SlideResult result, GlomerulusResult g, double downsample) {
        Outline o = g.outline().orElseThrow(() -> new IllegalArgumentException(
                ResultNames.label(g.id()) + " was not segmented"));
        float[] xs = new float[o.size()];
        float[] ys = new float[o.size()];
        for (int i = 0; i < o.size(); i++) {
            xs[i] = (float) (o.x(i) / downsample);
            ys[i] = (float) (o.y(i) / downsample);
        }
        Roi polygon = new PolygonRoi(xs, ys, o.size(), Roi.POLYGON);
        style(polygon, ResultNames.maskRoiName(g), colour(result, g));
        RoiTags.tag(polygon, g, RoiTags.OUTLINE, result.sclerosedClasses().contains(g.className()));
        return polygon;
    }

    /** A mask outline already drawn, renamed, recoloured and tagged for glomerulus {@code g}'s new class. */
    public static Roi restyledOutline(Roi roi, SlideResult result, GlomerulusResult g) {
        style(roi, ResultNames.maskRoiName(g), colour(result, g));
        RoiTags.tag(roi, g, RoiTags.OUTLINE, result.sclerosedClasses().contains(g.className()));
        return roi;
    }

    private static Color colour(SlideResult result, GlomerulusResult g) {
        return new Color(ClassColors.of(result).rgb(g.className()));
    }

    private static void style(Roi roi, String name, Color colour) {
        roi.setName(name);
        roi.setStrokeColor(colour);
        roi.setStrokeWidth(2);
    }

    /** True for ROIs made by {@link #of}. */
    public static boolean isOurs(Roi roi) {
        return RoiTags.isTagged(roi);
    }

    /**
     * {@code existing} (may be null) without earlier Glo-In-One ROIs, plus {@code rois}: the user's own
     * overlay elements stay.
     */
    public static Overlay overlay(Overlay existing, List<Roi> rois) {
        Overlay overlay = new Overlay();
        if (existing != null) {
            for (Roi roi : existing.toArray()) {
                if (!isOurs(roi)) {
                    overlay.add(roi);
                }
            }
        }
        rois.forEach(overlay::add);
        return overlay;
    }
}
