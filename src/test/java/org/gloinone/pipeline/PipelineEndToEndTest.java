package org.gloinone.pipeline;

import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.model.ModelException;
import org.gloinone.model.Task;
import org.gloinone.segment.Morphometry;
import org.gloinone.slide.InMemorySlide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on a generated slide with small real TensorFlow networks that compute their
 * outputs from the image: every drawn glomerulus must be found, classified and outlined.
 */
class PipelineEndToEndTest {
    private static InMemorySlide slide;
    private static StageModel detector;
    private static StageModel classifier;
    private static StageModel segmenter;

    @BeforeAll
    static void setUp() {
        slide = SyntheticSlide.create();
        detector = SyntheticModels.detector();
        classifier = SyntheticModels.classifier();
        segmenter = SyntheticModels.segmenter();
    }

    @AfterAll
    static void tearDown() {
        detector.predictor().close();
        classifier.predictor().close();
        segmenter.predictor().close();
    }

    private static Pipeline pipeline(int batch) {
        return new Pipeline(PipelineModels.of(detector, classifier, segmenter), batch);
    }

    @Test
    void recoversEveryGlomerulusWithItsClassAndOutline() throws IOException, ModelException {
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        SlideResult result = pipeline(2).run(slide, PipelineOptions.defaults(), (f, m) -> {
            fractions.add(f);
            messages.add(m);
        });

        assertEquals(8, result.tilesPlanned());
        assertEquals(4, result.tilesSkipped(), "the glass half is skipped");
        assertEquals(0.3, result.options().scoreThreshold().getAsDouble(), 0, "the spec's default is recorded");
        assertEquals(0.35, result.options().nmsIou().getAsDouble(), 0);
        assertEquals(SyntheticSlide.TISSUE_AREA_MM2, result.tissueAreaMm2(), 0.05 * SyntheticSlide.TISSUE_AREA_MM2);
        assertEquals(6, result.glomeruli().size());
        assertEquals(1, result.rejected().size());
        assertEquals("non_glomerular", result.rejected().get(0).className());
        assertMatches(SyntheticSlide.DISCS.get(6), result.rejected().get(0).detection().circle());

        for (SyntheticSlide.Disc disc : SyntheticSlide.DISCS.subList(0, 6)) {
            GlomerulusResult g = nearest(result.glomeruli(), disc);
            assertMatches(disc, g.detection().circle());
            CircleMicrons inMicrons = result.circleMicrons(g).orElseThrow();
            assertEquals(g.detection().circle().radius() * SyntheticSlide.MPP, inMicrons.radius(), 1e-9);
            assertEquals(disc.xMicrons(), inMicrons.centerX(), 10);
            assertEquals(disc.className(), g.className(), "class of " + disc);
            Morphometry m = g.morphometry().orElseThrow();
            double area = Math.PI * disc.radiusMicrons() * disc.radiusMicrons();
            assertEquals(area, m.areaMicrons2(), 0.05 * area, "mask area of " + disc);
            assertTrue(m.circularity() > 0.9 && m.solidity() > 0.95, "round mask: " + m);
            double[] xs = g.outline().orElseThrow().xs();
            double[] ys = g.outline().orElseThrow().ys();
            Circle truth = disc.circleLevel0();
            for (int i = 0; i < xs.length; i++) {
                double r = Math.hypot(xs[i] - truth.centerX(), ys[i] - truth.centerY());
                assertEquals(truth.radius(), r, 0.08 * truth.radius(), "outline vertex in level-0 px");
            }
        }

        assertEquals(List.of("normal", "sclerosed"), result.classNames());
        assertEquals(Map.of("normal", 4, "sclerosed", 2), result.countsByClass());
        assertEquals(100.0 * 2 / 6, result.percentSclerosed(), 1e-9);
        assertEquals(6 / result.tissueAreaMm2(), result.glomeruliPerMm2(), 1e-9);
        assertEquals(List.of("synthetic-circlenet", "synthetic-classifier", "synthetic-segmenter"),
                result.models().stream().map(ModelInfo::name).toList());
        assertEquals("in-memory.tif", result.slide().name());
        assertEquals(6000, result.slide().width());

        // Ids number all detections in score order; rejected ones keep theirs.
        List<Integer> ids = new ArrayList<>();
        result.glomeruli().forEach(g -> ids.add(g.id()));
        result.rejected().forEach(g -> ids.add(g.id()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), ids.stream().sorted().toList());

        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1) - 1e-9, "progress never goes back");
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("detect: tile")));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("segment:")));
    }

    @Test
    void identicalResultsAcrossRunsAndCloseAcrossBatchSizes() throws IOException, ModelException {
        SlideResult a = pipeline(2).run(slide, PipelineOptions.defaults(), ProgressListener.SILENT);
        SlideResult b = pipeline(2).run(slide, PipelineOptions.defaults(), ProgressListener.SILENT);
        assertEquals(a.glomeruli(), b.glomeruli());
        assertEquals(a.rejected(), b.rejected());
        SlideResult c = pipeline(3).run(slide, PipelineOptions.defaults(), ProgressListener.SILENT);
        assertEquals(a.glomeruli().size(), c.glomeruli().size());
        for (int i = 0; i < a.glomeruli().size(); i++) {
            Circle ca = a.glomeruli().get(i).detection().circle();
            Circle cc = c.glomeruli().get(i).detection().circle();
            assertEquals(a.glomeruli().get(i).id(), c.glomeruli().get(i).id());
            assertEquals(ca.centerX(), cc.centerX(), 1e-3);
            assertEquals(ca.radius(), cc.radius(), 1e-3);
        }
    }

    @Test
    void theDetectorsRadiusScaleReachesEveryReportedCircleAndTheMasksFollowTheTissue()
            throws IOException, ModelException {
        SlideResult plain = pipeline(2).run(slide, PipelineOptions.defaults(), ProgressListener.SILENT);
        StageModel scaled = new StageModel(detector.spec().withDetect(detector.spec().detect().withRadiusScale(1.2)),
                detector.predictor(), detector.info());
        SlideResult wider = new Pipeline(PipelineModels.of(scaled, classifier, segmenter), 2)
                .run(slide, PipelineOptions.defaults(), ProgressListener.SILENT);
        assertEquals(plain.glomeruli().size(), wider.glomeruli().size());
        for (int i = 0; i < plain.glomeruli().size(); i++) {
            GlomerulusResult a = plain.glomeruli().get(i);
            GlomerulusResult b = wider.glomeruli().get(i);
            assertEquals(a.detection().circle().centerX(), b.detection().circle().centerX(), 1e-9);
            assertEquals(1.2 * a.detection().circle().radius(), b.detection().circle().radius(), 1e-9);
            assertEquals(1.2 * plain.circleMicrons(a).orElseThrow().radius(),
                    wider.circleMicrons(b).orElseThrow().radius(), 1e-9);
            // the synthetic segmenter outlines the dark disc whatever the patch around it: the same area
            assertEquals(a.morphometry().orElseThrow().areaMicrons2(), b.morphometry().orElseThrow().areaMicrons2(),
                    0.05 * a.morphometry().orElseThrow().areaMicrons2());
        }
    }

    @Test
    void withoutTheTissueMaskEveryTileIsAnalysedAndTheSameGlomeruliFound() throws IOException, ModelException {
        SlideResult result = pipeline(4).run(slide, PipelineOptions.builder().useTissueMask(false)
                .stages(EnumSet.of(Task.DETECT)).build(), ProgressListener.SILENT);
        assertEquals(8, result.tilesPlanned());
        assertEquals(0, result.tilesSkipped());
        assertEquals(3.0 * 1.2, result.tissueAreaMm2(), 1e-9, "the whole slide counts without a mask");
        assertEquals(7, result.glomeruli().size(), "detection alone keeps the grey blob");
        assertTrue(result.glomeruli().stream().allMatch(g -> g.classification().isEmpty() && g.outline().isEmpty()));
        assertEquals(List.of(GlomerulusResult.UNCLASSIFIED), result.classNames());
    }

    @Test
    void classifyAndSegmentGivenCircles() throws IOException, ModelException {
        List<Detection> given = SyntheticSlide.DISCS.stream().map(d -> new Detection(d.circleLevel0(), 1.0)).toList();
        SlideResult result = pipeline(4).runOn(slide, PipelineOptions.builder()
                        .stages(EnumSet.of(Task.CLASSIFY, Task.SEGMENT)).build(), given,
                ProgressListener.SILENT, new CancellationToken());
        assertEquals(0, result.tilesPlanned());
        assertEquals(0, result.timings().detectMillis());
        assertEquals(6, result.glomeruli().size());
        for (GlomerulusResult g : result.glomeruli()) {
            SyntheticSlide.Disc disc = SyntheticSlide.DISCS.get(g.id() - 1);
            assertEquals(disc.className(), g.className());
            assertEquals(Math.PI * Math.pow(disc.radiusMicrons(), 2), g.morphometry().orElseThrow().areaMicrons2(),
                    0.05 * Math.PI * Math.pow(disc.radiusMicrons(), 2));
        }
        assertEquals(7, result.rejected().get(0).id());
        assertEquals(SyntheticSlide.TISSUE_AREA_MM2, result.tissueAreaMm2(), 0.05 * SyntheticSlide.TISSUE_AREA_MM2);
    }

    private static void assertMatches(SyntheticSlide.Disc disc, Circle found) {
        double centreErrorMicrons = Math.hypot(found.centerX() * SyntheticSlide.MPP - disc.xMicrons(),
                found.centerY() * SyntheticSlide.MPP - disc.yMicrons());
        assertTrue(centreErrorMicrons < 10, "centre error " + centreErrorMicrons + " um for " + disc);
        double radiusError = Math.abs(found.radius() * SyntheticSlide.MPP - disc.radiusMicrons()) / disc.radiusMicrons();
        assertTrue(radiusError < 0.15, "radius error " + radiusError + " for " + disc);
    }

    private static GlomerulusResult nearest(List<GlomerulusResult> all, SyntheticSlide.Disc disc) {
        Circle truth = disc.circleLevel0();
        GlomerulusResult best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (GlomerulusResult g : all) {
            double d = Math.hypot(g.detection().circle().centerX() - truth.centerX(),
                    g.detection().circle().centerY() - truth.centerY());
            if (d < bestDistance) {
                bestDistance = d;
                best = g;
            }
        }
        return best;
    }
}
