package org.gloinone.fiji;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.plugin.PlugIn;

import org.gloinone.detect.Circle;

/**
 * Plugins &gt; Glo-In-One &gt; Import Annotations…: reads circles from an ImageScope XML or GeoJSON file and
 * appends them to the ROI Manager as ovals on the current image (scaled when it is a thumbnail), ready to be
 * reviewed and then classified or segmented. Macro: {@code run("Import Annotations...", "annotations=[a.xml]")}.
 */
public class ImportAnnotations implements PlugIn {

    @Override
    public void run(String arg) {
        if (GraphicsEnvironment.isHeadless()) {
            IJ.error("Import Annotations", "needs a display; headless, give annotations=[file] to Classify or Segment");
            return;
        }
        ImagePlus image = IJ.getImage();
        GenericDialog gd = new GenericDialog("Glo-In-One: Import Annotations");
        gd.addFileField("Annotations file (ImageScope XML or GeoJSON)", "");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Path file = Path.of(gd.getNextString().trim());
            List<Circle> circles = GloInOneServices.load().readAnnotations(file);
            double downsample = SlideView.of(image).downsample();
            GuiResults.addAll(GuiResults.roiManager(), rois(circles, downsample, file.getFileName().toString()));
            IJ.showStatus("Imported " + circles.size() + " circles from " + file.getFileName());
        } catch (Exception e) {
            StagePlugin.fail(Stage.DETECT, e);
        }
    }

    /** Ovals in the image's pixels named {@code "<file> 0001"}. */
    static List<Roi> rois(List<Circle> circles, double downsample, String source) {
        List<Roi> rois = new ArrayList<>();
        for (int i = 0; i < circles.size(); i++) {
            Circle c = circles.get(i);
            double r = c.radius() / downsample;
            Roi roi = new OvalRoi(c.centerX() / downsample - r, c.centerY() / downsample - r, 2 * r, 2 * r);
            roi.setName(String.format(Locale.ROOT, "%s %04d", source, i + 1));
            rois.add(roi);
        }
        return rois;
    }
}
