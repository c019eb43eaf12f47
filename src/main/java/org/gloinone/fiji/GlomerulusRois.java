package org.gloinone.fiji;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import org.gloinone.io.ClassColors;
import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;

/**
 * One ROI per glomerulus for the ROI Manager and overlays: an oval on the detected circle named
 * {@code "G0001 normal 0.93"} (id, class, confidence of the class, or the detection score when not
 * classified) and stroked in the class colour; optionally the mask outline as a polygon named
 * {@code "G0001 normal outline"}. Coordinates are divided by the image's downsample, so the ROIs sit on a
 * thumbnail as on the full image.
 */
public final class GlomerulusRois {
    /** ROI property telling what a Glo-In-One ROI is: {@value #CIRCLE} or {@value #OUTLINE}. */
    public static final String KIND = "GloInOne.Kind";
    /** {@link #KIND} of the circle ROIs. */
    public static final String CIRCLE = "circle";
    /** {@link #KIND} of the mask outline ROIs. */
    public static final String OUTLINE = "outline";
    /** ROI property holding the glomerulus id. */
    public static final String ID = "GloInOne.Id";

    private GlomerulusRois() {
    }

    /** The name of a glomerulus' circle ROI, e.g. {@code "G0001 normal 0.93"}. */
    public static String name(GlomerulusResult g) {
        double confidence = g.classification().map(c -> c.confidence()).orElse(g.detection().score());
        return String.format(Locale.ROOT, "G%04d %s %.2f", g.id(), g.className(), confidence);
    }

    /**
     * The ROIs of a result, circle (then outline, when asked and segmented) per glomerulus, in id order.
     *
     * @param downsample level-0 pixels per pixel of the image the ROIs go on
     * @param outlines   include the mask outlines
     */
    public static List<Roi> of(SlideResult result, double downsample, boolean outlines) {
        ClassColors colours = ClassColors.of(result);
        List<Roi> rois = new ArrayList<>();
        for (GlomerulusResult g : result.glomeruli()) {
            Color colour = new Color(colours.rgb(g.className()));
            Circle c = g.detection().circle();
            double r = c.radius() / downsample;
            Roi oval = new OvalRoi(c.centerX() / downsample - r, c.centerY() / downsample - r, 2 * r, 2 * r);
            tag(oval, name(g), CIRCLE, g.id(), colour);
            rois.add(oval);
            if (outlines && g.outline().isPresent()) {
                Outline o = g.outline().get();
                float[] xs = new float[o.size()];
                float[] ys = new float[o.size()];
                for (int i = 0; i < o.size(); i++) {
                    xs[i] = (float) (o.x(i) / downsample);
                    ys[i] = (float) (o.y(i) / downsample);
                }
                Roi polygon = new PolygonRoi(xs, ys, o.size(), Roi.POLYGON);
                tag(polygon, String.format(Locale.ROOT, "G%04d %s outline", g.id(), g.className()), OUTLINE,
                        g.id(), colour);
                rois.add(polygon);
            }
        }
        return rois;
    }

    private static void tag(Roi roi, String name, String kind, int id, Color colour) {
        roi.setName(name);
        roi.setProperty(KIND, kind);
        roi.setProperty(ID, Integer.toString(id));
        roi.setStrokeColor(colour);
        roi.setStrokeWidth(2);
    }

    /** True for ROIs made by {@link #of}. */
    public static boolean isOurs(Roi roi) {
        return roi.getProperty(KIND) != null;
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
