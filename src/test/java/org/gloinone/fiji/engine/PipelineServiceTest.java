package org.gloinone.fiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gloinone.detect.Circle;
import org.gloinone.io.OutputFormat;
import org.gloinone.fiji.SlideSource;
import org.gloinone.fiji.SlideView;
import org.gloinone.fiji.Stage;
import org.gloinone.fiji.StageOptions;
import org.gloinone.fiji.StageOutcome;
import org.gloinone.fiji.StageRunner;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineFixtures;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.slide.InMemorySlide;
import org.gloinone.slide.SlideOpener;

/**
 * The facade over the real engine: the generated slide of the pipeline tests, read through a slide file or
 * as an open ImageJ image, with small real TensorFlow networks that compute their outputs from the pixels.
 */
class PipelineServiceTest {
    private static PipelineModels networks;
    private static PipelineService service;
    @TempDir
    static Path dir;
    private static Path slideFile;

    /** The networks are shared by the tests and closed once at the end. */
    private static final class Given implements ModelSource {
        @Override
        public PipelineModels models(Set<Task> tasks, PipelineOptions options, CancellationToken cancel) {
            return networks;
        }

        @Override
        public List<ModelInfo> describe() {
            return networks.infos(EnumSet.allOf(Task.class));
        }
    }

    @BeforeAll
    static void start() throws IOException {
        networks = PipelineFixtures.models();
        service = new PipelineService(new Given(), new SlideOpener(List.of(new FixtureSlideBackend())));
        slideFile = Files.writeString(dir.resolve("kidney.fixture"), "generated slide");
    }

    @AfterAll
    static void stop() {
        for (Task t : Task.values()) {
            networks.forTask(t).ifPresent(m -> m.predictor().close());
        }
    }

    private static Map<String, Integer> classesNear(SlideResult result) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (GlomerulusResult g : result.glomeruli()) {
            counts.merge(g.className(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void allInOneOnASlideFileFindsClassifiesAndOutlinesEveryGlomerulus() throws IOException {
        SlideResult r = service.allInOne(new SlideSource.File(slideFile), PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        assertEquals(6, r.glomeruli().size());
        assertEquals(1, r.rejected().size(), "the grey blob is not a glomerulus");
        assertEquals(Map.of("normal", 4, "sclerosed", 2), classesNear(r));
        assertTrue(r.glomeruli().stream().allMatch(g -> g.morphometry().isPresent()));
        assertEquals("in-memory.tif", r.slide().name(), "the name the slide gives itself");
    }

    @Test
    void detectAloneLeavesClassesAndMasksEmpty() throws IOException {
        SlideResult r = service.detect(new SlideSource.File(slideFile), PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        assertEquals(7, r.glomeruli().size(), "six glomeruli and the blob");
        assertTrue(r.glomeruli().stream().allMatch(g -> g.classification().isEmpty() && g.outline().isEmpty()));
    }

    @Test
    void reviewedRoisOnAnOpenImageAreClassifiedThroughTheFrontDoor() throws IOException {
        InMemorySlide slide = PipelineFixtures.slide();
        int w = (int) slide.levels().get(0).width();
        int h = (int) slide.levels().get(0).height();
        int[] argb = slide.readRegion(0, 0, 0, w, h).update(null).getCurrentStorageArray();
        ImagePlus image = new ImagePlus("biopsy.png", new ColorProcessor(w, h, argb));
        image.getCalibration().pixelWidth = PipelineFixtures.MPP;
        image.getCalibration().pixelHeight = PipelineFixtures.MPP;
        image.getCalibration().setUnit("micron");
        List<Roi> rois = new ArrayList<>();
        for (Circle c : PipelineFixtures.circles().subList(0, 5)) { // the pathologist keeps five
            rois.add(new OvalRoi(c.centerX() - c.radius(), c.centerY() - c.radius(), 2 * c.radius(), 2 * c.radius()));
        }
        StageOutcome o = new StageRunner(service).run(StageOptions.parse(Stage.CLASSIFY, "tables"),
                Optional.of(image), rois, ProgressListener.SILENT, new CancellationToken());
        List<String> expected = PipelineFixtures.classNames().subList(0, 5);
        List<String> got = o.result().glomeruli().stream()
                .sorted(Comparator.comparingDouble((GlomerulusResult g) -> g.detection().circle().centerY())
                        .thenComparingDouble(g -> g.detection().circle().centerX()))
                .map(GlomerulusResult::className).toList();
        assertEquals(5, got.size());
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList());
        ResultsTable t = o.glomeruli();
        assertEquals(5, t.size());
        assertTrue(t.columnExists("p_sclerosed"), "class probabilities are in the table");
        assertEquals(Map.of("normal", 3, "sclerosed", 2), classesNear(o.result()));
    }

    @Test
    void theAllInOneScriptCommandReturnsTablesAndRoisFromTheEngine() throws Exception {
        org.scijava.Context context = new org.scijava.Context(org.scijava.command.CommandService.class);
        try {
            org.scijava.module.Module m = context.service(org.scijava.command.CommandService.class)
                    .run(org.gloinone.fiji.AllInOneCommand.class, true, "slide", slideFile.toFile(),
                            "service", service, "outlines", true).get();
            assertEquals(6, m.getOutput("count"));
            ResultsTable summary = (ResultsTable) m.getOutput("summary");
            assertEquals(100.0 * 2 / 6, summary.getValue("percent_globally_sclerosed", 0), 1e-9);
            assertEquals(1, summary.getValue("rejected", 0), 0);
            Roi[] rois = (Roi[]) m.getOutput("rois");
            assertEquals(12, rois.length, "a circle and a mask outline per glomerulus");
            assertTrue(rois[0].getName().matches("G0001 (normal|sclerosed) [01]\\.\\d\\d"), rois[0].getName());
        } finally {
            context.dispose();
        }
    }

    @Test
    void resultFilesAreWrittenAndAnnotationsReadBack() throws IOException {
        SlideResult r = service.allInOne(new SlideSource.File(slideFile), PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        Path out = dir.resolve("out");
        List<Path> files = service.write(new SlideSource.File(slideFile), r, out, EnumSet.allOf(OutputFormat.class));
        List<String> names = files.stream().map(p -> out.relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(List.of("kidney.fixture/kidney-glomeruli.csv", "kidney.fixture/kidney-masks.xml",
                "kidney.fixture/kidney-overlay.png", "kidney.fixture/kidney-rois.zip", "kidney.fixture/kidney.geojson",
                "kidney.fixture/kidney.xml", "kidney.fixture/run.json", "summary.csv"), names);
        for (String annotations : List.of("kidney.xml", "kidney.geojson", "kidney-rois.zip")) {
            List<Circle> back = service.readAnnotations(out.resolve("kidney.fixture").resolve(annotations));
            assertEquals(6, back.size(), annotations);
        }
    }

    @Test
    void thumbnailAndGeometryOfASlideFile() throws IOException {
        ImagePlus thumb = service.thumbnail(slideFile, 600);
        assertEquals(600, thumb.getWidth(), "6000 px wide slide at 1/10");
        assertEquals(240, thumb.getHeight());
        assertEquals(10, SlideView.of(thumb).downsample(), 1e-9);
        assertEquals(5.0, thumb.getCalibration().pixelWidth, 1e-9);
        assertEquals(6000, service.geometry(new SlideSource.File(slideFile)).width());
        assertEquals(3, service.installedModels().size());
    }
}
