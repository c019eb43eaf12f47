package org.gloinone.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

/**
 * Shows an outcome in ImageJ's windows: ROIs appended to the ROI Manager handed in (the user's own ROIs stay),
 * an overlay on the image or on a thumbnail of the slide file, and the two tables. Only for a GUI session.
 */
public final class GuiResults {
    /** Longest side of the thumbnail made for a slide file. */
    static final int THUMBNAIL_SIDE = 2048;

    private final GloInOneService service;

    /** @param service makes thumbnails of slide files */
    public GuiResults(GloInOneService service) {
        this.service = service;
    }

    /**
     * @param roiManager   where the ROIs go; null when the options do not ask for them
     * @param currentImage the image the command started on
     */
    public void show(StageOutcome outcome, StageOptions options, RoiManager roiManager,
                     Optional<ImagePlus> currentImage) throws IOException {
        ImagePlus image = target(outcome, currentImage);
        double downsample = SlideView.of(image).downsample();
        List<Roi> rois = GlomerulusRois.of(outcome.result(), downsample, options.outlines());
        if (options.addRois() && roiManager != null) {
            addAll(roiManager, rois);
        }
        if (options.overlay()) {
            image.setOverlay(GlomerulusRois.overlay(image.getOverlay(), rois));
        }
        if (!image.isVisible()) {
            image.show();
        }
        if (options.tables()) {
            outcome.glomeruli().show(ImageJTables.GLOMERULI);
            ResultsTable summary = ResultsTable.getResultsTable(ImageJTables.SUMMARY);
            ImageJTables.appendSummary(summary == null ? new ResultsTable() : summary, outcome.result())
                    .show(ImageJTables.SUMMARY);
        }
    }

    /** Appends ROIs with their names and colours; never resets the manager. */
    public static void addAll(RoiManager roiManager, List<Roi> rois) {
        for (Roi roi : rois) {
            roiManager.addRoi(roi);
        }
    }

    /** The image to draw on: the current one when it shows the slide, else a new thumbnail of the slide file. */
    private ImagePlus target(StageOutcome outcome, Optional<ImagePlus> currentImage) throws IOException {
        SlideSource source = outcome.view().source();
        if (source instanceof SlideSource.Image i) {
            return i.image();
        }
        Path file = ((SlideSource.File) source).path();
        Optional<ImagePlus> shown = currentImage.filter(imp -> SlideView.of(imp).source() instanceof SlideSource.File f
                && f.path().toAbsolutePath().equals(file.toAbsolutePath()));
        return shown.isPresent() ? shown.get() : service.thumbnail(file, THUMBNAIL_SIDE);
    }
}
