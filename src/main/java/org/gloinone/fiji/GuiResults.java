package org.gloinone.fiji;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import org.gloinone.imagej.RoiTags;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;

/**
 * Shows an outcome in ImageJ's windows: the ROI Manager handed in (Detect and All-in-One append their ROIs;
 * Classify and Segment on ROIs update those ROIs in place, see {@link #update}), an overlay on the image or on
 * a thumbnail of the slide file, and the two tables, each at its own place on the screen. Only for a GUI
 * session or a macro (batch mode included).
 */
public final class GuiResults {
    /** Longest side of the thumbnail made for a slide file. */
    static final int THUMBNAIL_SIDE = 2048;
    /** Gap between the two tables and from the screen's edge, in screen pixels. */
    private static final int GAP = 10;
    /** Top of the first table: below ImageJ's main window. */
    private static final int TOP = 130;

    private final GloInOneService service;

    /** @param service makes thumbnails of slide files */
    public GuiResults(GloInOneService service) {
        this.service = service;
    }

    /**
     * The ROI Manager a command works with: a macro's batch-mode manager when a batch-mode macro runs
     * ({@link RoiManager#getInstance()} finds it; {@link RoiManager#getRoiManager()} would not), else the open
     * one, else a new one.
     */
    public static RoiManager roiManager() {
        RoiManager current = RoiManager.getInstance();
        return current != null ? current : RoiManager.getRoiManager();
    }

    /**
     * @param roiManager   where the ROIs go; null when the options do not ask for them
     * @param currentImage the image the command started on
     */
    public void show(StageOutcome outcome, StageOptions options, RoiManager roiManager,
                     Optional<ImagePlus> currentImage) throws IOException {
        ImagePlus image = target(outcome, currentImage);
        double downsample = SlideView.of(image).downsample();
        List<Roi> rois;
        if (outcome.review().isPresent() && roiManager != null) {
            rois = update(roiManager, outcome.result(), outcome.review().get(), downsample, options.outlines());
        } else {
            rois = GlomerulusRois.of(outcome.result(), downsample, options.outlines());
            if (options.addRois() && roiManager != null) {
                addAll(roiManager, rois);
            }
        }
        RoiReview.recordIssued(image, outcome.result());
        if (options.overlay()) {
            image.setOverlay(GlomerulusRois.overlay(image.getOverlay(), rois));
        }
        if (!image.isVisible()) {
            image.show();
        }
        if (options.tables()) {
            showTable(outcome.glomeruli(), ImageJTables.GLOMERULI);
            ResultsTable summary = ResultsTable.getResultsTable(ImageJTables.SUMMARY);
            showTable(ImageJTables.appendSummary(summary == null ? new ResultsTable() : summary, outcome.result()),
                    ImageJTables.SUMMARY);
        }
    }

    /** Appends ROIs with their names and colours; never resets the manager. */
    public static void addAll(RoiManager roiManager, List<Roi> rois) {
        for (Roi roi : rois) {
            roiManager.addRoi(roi);
        }
    }

    /**
     * Updates the reviewed ROIs in the manager in place: each keeps its place, its shape and its glomerulus id
     * and takes the new name, colour and class; a glomerulus' mask outline already in the manager is replaced
     * by the new one (Segment) or renamed to the new class (Classify); new outlines are appended when asked.
     * Nothing else in the manager changes.
     *
     * @return the ROIs of this run (updated circles and their outlines), for the overlay
     */
    static List<Roi> update(RoiManager roiManager, SlideResult result, RoiReview review, double downsample,
                            boolean outlines) {
        Map<Integer, GlomerulusResult> byId = new HashMap<>();
        result.glomeruli().forEach(g -> byId.put(g.id(), g));
        result.rejected().forEach(g -> byId.put(g.id(), g));
        Map<Roi, Integer> reviewed = new IdentityHashMap<>();
        for (int k = 0; k < review.sources().size(); k++) {
            reviewed.put(review.sources().get(k), review.ids().get(k));
        }
        Set<Integer> ids = new HashSet<>(review.ids());
        Set<Integer> outlined = new HashSet<>();
        List<Roi> shown = new ArrayList<>();
        for (int i = 0; i < roiManager.getCount(); i++) {
            Roi roi = roiManager.getRoi(i);
            Integer id = reviewed.get(roi);
            if (id != null && byId.containsKey(id)) {
                replace(roiManager, i, GlomerulusRois.circle((Roi) roi.clone(), result, byId.get(id)), shown);
            } else if (id == null && RoiTags.isOutline(roi)) {
                OptionalInt outlineId = RoiTags.id(roi);
                GlomerulusResult g = outlineId.isPresent() && ids.contains(outlineId.getAsInt())
                        ? byId.get(outlineId.getAsInt()) : null;
                if (g == null) {
                    continue;
                }
                Roi updated = g.outline().isPresent() ? GlomerulusRois.outline(result, g, downsample)
                        : GlomerulusRois.restyledOutline((Roi) roi.clone(), result, g);
                replace(roiManager, i, updated, shown);
                outlined.add(g.id());
            }
        }
        if (outlines) {
            for (int id : review.ids().stream().sorted().toList()) {
                GlomerulusResult g = byId.get(id);
                if (g != null && g.outline().isPresent() && !outlined.contains(id)) {
                    Roi outline = GlomerulusRois.outline(result, g, downsample);
                    roiManager.addRoi(outline);
                    shown.add(outline);
                }
            }
        }
        return shown;
    }

    private static void replace(RoiManager roiManager, int index, Roi roi, List<Roi> shown) {
        roiManager.setRoi(roi, index);
        roiManager.rename(index, roi.getName()); // setRoi leaves the list showing the old name
        shown.add(roi);
    }

    /**
     * Shows a table. A table window opened for the first time goes to the right edge of the screen, the
     * glomeruli table below ImageJ's window and the summary below the glomeruli table, so neither hides the
     * other; it is placed before it shows (see {@link TableWindow}). A window the user has moved stays there.
     */
    private static void showTable(ResultsTable table, String title) {
        if (!GraphicsEnvironment.isHeadless() && WindowManager.getFrame(title) == null) {
            new TableWindow(title); // ResultsTable.show fills the open window of that title
        }
        table.show(title);
    }

    /** Where a new table window of {@code size} titled {@code title} goes. */
    static Point tablePlace(String title, Dimension size) {
        Window above = title.equals(ImageJTables.SUMMARY) ? WindowManager.getWindow(ImageJTables.GLOMERULI) : null;
        return tablePlace(size, above == null ? null : above.getBounds(), IJ.getScreenSize());
    }

    /** Where a new table window of {@code size} goes: right-aligned, under {@code above} or at the top. */
    static Point tablePlace(Dimension size, Rectangle above, Dimension screen) {
        int x = Math.max(0, screen.width - size.width - GAP);
        int y = above == null ? TOP : above.y + above.height + GAP;
        y = Math.max(0, Math.min(y, screen.height - size.height - GAP));
        return new Point(x, y);
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
