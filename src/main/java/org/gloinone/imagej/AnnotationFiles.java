package org.gloinone.imagej;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gloinone.io.AnnotationRegion;
import org.gloinone.io.GeoJson;
import org.gloinone.io.ImageScopeReader;
import org.gloinone.io.RegionShape;

import ij.gui.Roi;
import ij.process.FloatPolygon;

/**
 * Reads the regions of an annotation file, whichever of the three formats it is: ImageScope XML ({@code .xml}),
 * GeoJSON ({@code .geojson}, {@code .json}) or an ImageJ ROI set ({@code .zip}). In a ROI set written by this
 * program each glomerulus has a circle and a mask outline; the outline is kept, as it is the finer annotation.
 */
public final class AnnotationFiles {
    private AnnotationFiles() {
    }

    /**
     * The regions of {@code file}, in level-0 pixels.
     *
     * @throws IOException naming the file when it is unreadable or of another format
     */
    public static List<AnnotationRegion> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return new ImageScopeReader().read(file).regions();
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new GeoJson().read(file).stream().map(GeoJson.Feature::region).toList();
        }
        if (name.endsWith(".zip")) {
            return fromRois(new RoiSetZip().read(file));
        }
        throw new IOException(file + ": annotations must be ImageScope XML (.xml), GeoJSON (.geojson, .json) "
                + "or an ImageJ ROI set (.zip)");
    }

    private static List<AnnotationRegion> fromRois(List<RoiSetZip.Entry> entries) {
        // One region per glomerulus label ("G0007 normal 0.93" and its "G0007 normal mask" in a saved result, or
        // "G0007 normal outline" from the ROI Manager in Fiji): the outline wins.
        Map<String, AnnotationRegion> byLabel = new LinkedHashMap<>();
        int id = 0;
        for (RoiSetZip.Entry e : entries) {
            AnnotationRegion region = toRegion(e, ++id);
            if (region == null) {
                continue;
            }
            String[] words = e.name().split(" ");
            boolean glomerulusLabel = words.length >= 2 && words[0].matches("G\\d+");
            boolean outline = e.name().endsWith(" mask") || e.name().endsWith(" outline");
            String key = glomerulusLabel ? words[0] : "#" + id;
            if (outline || !byLabel.containsKey(key)) {
                byLabel.put(key, region);
            }
        }
        return new ArrayList<>(byLabel.values());
    }

    /** The region of a ROI, its class being the second word of a Glo-In-One label; null if it has no area. */
    private static AnnotationRegion toRegion(RoiSetZip.Entry e, int id) {
        String[] words = e.name().split(" ");
        String layer = words.length >= 2 && words[0].matches("G\\d+") ? words[1] : "";
        return region(e.roi(), layer, e.name(), id);
    }

    /**
     * The region a ROI outlines (ovals and plain rectangles by their bounds, anything else by its polygon), so
     * that its circle follows the one rule of {@link AnnotationRegion#toCircle()}; null if it has no area.
     */
    public static AnnotationRegion region(Roi roi, String layer, String name, int id) {
        if (!roi.isArea()) {
            return null;
        }
        int type = roi.getType();
        if (type == Roi.OVAL || type == Roi.RECTANGLE && roi.getCornerDiameter() == 0) {
            Rectangle2D b = roi.getFloatBounds();
            return new AnnotationRegion(layer, id, type == Roi.OVAL ? RegionShape.ELLIPSE : RegionShape.RECTANGLE,
                    name, new double[] {b.getMinX(), b.getMaxX()}, new double[] {b.getMinY(), b.getMaxY()}, false);
        }
        FloatPolygon p = roi.getFloatPolygon();
        double[] xs = new double[p.npoints];
        double[] ys = new double[p.npoints];
        for (int i = 0; i < p.npoints; i++) {
            xs[i] = p.xpoints[i];
            ys[i] = p.ypoints[i];
        }
        return new AnnotationRegion(layer, id, RegionShape.POLYGON, name, xs, ys, false);
    }
}
