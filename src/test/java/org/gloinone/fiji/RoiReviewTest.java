package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gloinone.imagej.RoiTags;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

/** A pathologist's review: delete, draw, classify, segment; ids and classes follow the ROIs. */
class RoiReviewTest {
    private static final SlideSource SLIDE = new SlideSource.File(Path.of("kidney.svs"));
    private final FixedResultService service = new FixedResultService();

    private List<Roi> detected() {
        SlideResult r = service.detect(SLIDE, PipelineOptions.defaults(), ProgressListener.SILENT,
                new CancellationToken());
        return new ArrayList<>(GlomerulusRois.of(r, 1, false));
    }

    @Test
    void keptRoisKeepTheirIdsAndDrawnOnesGetNewIdsNeverADeletedOne() {
        List<Roi> rois = detected(); // G0001..G0004
        rois.remove(3); // the user deletes G0004
        rois.add(new OvalRoi(600, 500, 80, 80));
        rois.add(new Roi(700, 100, 60, 60));
        RoiReview review = RoiReview.of(rois, 1, 4);
        assertEquals(List.of(1, 2, 3, 5, 6), review.ids(), "G0004 was deleted: its id is not given again");
        SlideResult classified = review.apply(service.classify(SLIDE, review.circles(), PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken()));
        assertEquals(List.of(1, 2, 3, 5, 6), classified.glomeruli().stream().map(GlomerulusResult::id).toList());
        assertEquals(List.of("G0001 normal 0.90", "G0002 sclerosed 0.90", "G0003 normal 0.90",
                "G0005 normal 0.90", "G0006 sclerosed 0.90"),
                GlomerulusRois.of(classified, 1, false).stream().map(Roi::getName).toList());
        assertEquals("G0005", ImageJTables.glomeruli(classified).getStringValue("id", 3));
        assertEquals(0.80, ImageJTables.glomeruli(classified).getValue("score", 2), 1e-9, "G0003 keeps Detect's score");
        assertEquals(1.0, ImageJTables.glomeruli(classified).getValue("score", 3), 0, "a drawn circle scores 1");
    }

    @Test
    void copiedRoiWithTheSameIdCountsAsANewGlomerulus() {
        List<Roi> rois = detected();
        rois.add((Roi) rois.get(0).clone());
        assertEquals(List.of(1, 2, 3, 4, 5), RoiReview.of(rois, 1, 0).ids());
    }

    @Test
    void segmentKeepsTheClassThatClassifyPutOnTheRoi() {
        List<Roi> rois = detected();
        RoiReview first = RoiReview.of(rois, 1, 4);
        SlideResult classified = first.apply(service.classify(SLIDE, first.circles(), PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken()));
        List<Roi> tagged = GlomerulusRois.of(classified, 1, false);
        RoiReview second = RoiReview.of(tagged, 1, 4);
        SlideResult segmented = second.apply(service.segment(SLIDE, second.circles(), PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken()));
        assertEquals(classified.glomeruli().stream().map(GlomerulusResult::className).toList(),
                segmented.glomeruli().stream().map(GlomerulusResult::className).toList());
        assertEquals(classified.glomeruli().get(1).classification(), segmented.glomeruli().get(1).classification());
        assertTrue(segmented.glomeruli().stream().allMatch(g -> g.outline().isPresent()));
        assertEquals(classified.sclerosedCount(), segmented.sclerosedCount(), "sclerosed classes carried too");
        assertEquals(List.of("normal", "sclerosed"), segmented.classNames());
        assertEquals(new java.awt.Color(org.gloinone.io.ClassColors.SCLEROSED), GlomerulusRois.of(segmented, 1, true).get(2).getStrokeColor());
    }

    @Test
    void idAndClassSurviveSavingAndReopeningARoi(@TempDir Path dir) throws Exception {
        SlideResult classified = service.allInOne(SLIDE, PipelineOptions.defaults(), ProgressListener.SILENT,
                new CancellationToken());
        Roi roi = GlomerulusRois.of(classified, 1, false).get(1);
        Path file = dir.resolve("G0002.roi");
        Files.write(file, RoiEncoder.saveAsByteArray(roi));
        Roi back = new RoiDecoder(file.toString()).getRoi();
        assertEquals(roi.getName(), back.getName());
        assertEquals(2, RoiTags.id(back).getAsInt());
        assertEquals(classified.glomeruli().get(1).classification(), RoiTags.classification(back));
        assertTrue(RoiTags.isSclerosed(back));
    }

    @Test
    void theImageRemembersTheHighestIdIssued() {
        ImagePlus image = new ImagePlus("slide", new ColorProcessor(10, 10));
        SlideResult r = service.detect(SLIDE, PipelineOptions.defaults(), ProgressListener.SILENT,
                new CancellationToken());
        RoiReview.recordIssued(image, r);
        assertEquals(4, RoiReview.highestIssued(List.of(), Optional.of(image)));
        Roi named = new OvalRoi(0, 0, 5, 5);
        named.setName("G0009 normal 0.90"); // from a ROI set written without properties
        assertEquals(9, RoiReview.highestIssued(List.of(named), Optional.of(image)));
    }
}
