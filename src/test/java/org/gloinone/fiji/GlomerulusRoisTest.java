package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;

import org.gloinone.detect.Circle;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

class GlomerulusRoisTest {
    private static final SlideSource SLIDE = new SlideSource.File(java.nio.file.Path.of("kidney.svs"));

    private static SlideResult allInOne() {
        return new FixedResultService().allInOne(SLIDE, PipelineOptions.defaults(), ProgressListener.SILENT,
                new CancellationToken());
    }

    @Test
    void oneNamedColouredOvalPerGlomerulus() {
        List<Roi> rois = GlomerulusRois.of(allInOne(), 1, false);
        assertEquals(4, rois.size(), "scores 0.95, 0.90, 0.80, 0.60 pass the 0.5 default; 0.40 does not");
        assertEquals(List.of("G0001 normal 0.90", "G0002 sclerosed 0.90", "G0003 normal 0.90",
                "G0004 sclerosed 0.90"), rois.stream().map(Roi::getName).toList());
        assertTrue(rois.get(0) instanceof OvalRoi);
        assertEquals(new java.awt.Color(org.gloinone.io.ClassColors.NORMAL), rois.get(0).getStrokeColor());
        assertEquals(new java.awt.Color(org.gloinone.io.ClassColors.SCLEROSED), rois.get(1).getStrokeColor());
        assertEquals("2", rois.get(1).getProperty(GlomerulusRois.ID));
    }

    @Test
    void detectionOnlyNamesTheScoreInYellow() {
        SlideResult detected = new FixedResultService().detect(SLIDE, PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        Roi first = GlomerulusRois.of(detected, 1, true).get(0);
        assertEquals("G0001 glomerulus 0.95", first.getName());
        assertEquals(new java.awt.Color(org.gloinone.io.ClassColors.UNCLASSIFIED), first.getStrokeColor(),
                "the same yellow as in the files");
    }

    @Test
    void outlinesFollowTheirCircleAndAreSkippedAsCircles() {
        List<Roi> rois = GlomerulusRois.of(allInOne(), 1, true);
        assertEquals(8, rois.size());
        assertEquals("G0001 normal mask", rois.get(1).getName());
        assertEquals(GlomerulusRois.OUTLINE, rois.get(1).getProperty(GlomerulusRois.KIND));
        assertEquals(4, RoiCircles.toCircles(rois, 1).circles().size());
    }

    @Test
    void roisOnAThumbnailMapBackToTheSameCircles() {
        SlideResult r = allInOne();
        List<Circle> back = RoiCircles.toCircles(GlomerulusRois.of(r, 8, true), 8).circles();
        for (int i = 0; i < back.size(); i++) {
            Circle c = r.glomeruli().get(i).detection().circle();
            RoiCirclesTest.assertCircle(c.centerX(), c.centerY(), c.radius(), back.get(i));
        }
        assertEquals(6.25, GlomerulusRois.of(r, 8, false).get(0).getFloatBounds().x, 1e-9); // (100 - 50) / 8
    }

    @Test
    void overlayKeepsTheUsersOwnElementsAndReplacesOurs() {
        Overlay user = new Overlay(new OvalRoi(1, 1, 5, 5));
        Overlay first = GlomerulusRois.overlay(user, GlomerulusRois.of(allInOne(), 1, false));
        assertEquals(5, first.size());
        Overlay second = GlomerulusRois.overlay(first, GlomerulusRois.of(allInOne(), 1, true));
        assertEquals(9, second.size(), "the user's oval plus 4 circles and 4 outlines, the first run's replaced");
    }

    @Test
    void tablesHoldOneRowPerGlomerulusAndOnePerSlide() {
        SlideResult r = allInOne();
        ResultsTable g = ImageJTables.glomeruli(r);
        assertEquals(4, g.size());
        for (String column : List.of("slide", "id", "class", "p_normal", "p_sclerosed", "score",
                "center_x_px", "center_y_px", "center_x_um", "center_y_um", "radius_px", "radius_um", "area_um2",
                "perimeter_um", "equivalent_diameter_um", "circularity", "solidity")) {
            assertTrue(g.columnExists(column), column);
        }
        assertEquals("sclerosed", g.getStringValue("class", 1));
        assertEquals(300, g.getValue("center_x_px", 1), 0);
        assertEquals(15, g.getValue("radius_um", 1), 1e-9); // 30 px * 0.5 um/px
        assertEquals(Math.PI * 22.5 * 22.5, g.getValue("area_um2", 0), 1e-6); // 0.9 * 50 px * 0.5 um/px
        ResultsTable s = ImageJTables.summary(r);
        assertEquals(1, s.size());
        assertEquals(4, s.getValue("glomeruli", 0), 0);
        assertEquals(2, s.getValue("n_normal", 0), 0);
        assertEquals(2, s.getValue("n_sclerosed", 0), 0);
        assertEquals(50, s.getValue("percent_globally_sclerosed", 0), 1e-9);
        assertEquals(20, s.getValue("glomeruli_per_mm2", 0), 1e-9);
        ImageJTables.appendSummary(s, r);
        assertEquals(2, s.size(), "a second slide appends a row");
    }
}
