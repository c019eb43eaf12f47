package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.progress.ProgressListener;

class StageRunnerTest {
    private final StageRunner runner = new StageRunner(new FixedResultService());
    private final ImagePlus image = new ImagePlus("biopsy.tif", new ColorProcessor(1000, 800));

    private StageOutcome run(String macro, Stage stage, List<Roi> rois) throws IOException {
        return runner.run(StageOptions.parse(stage, macro), Optional.of(image), rois, ProgressListener.SILENT,
                new CancellationToken());
    }

    @Test
    void detectOnTheCurrentImageHonoursTheScore() throws IOException {
        assertEquals(4, run("", Stage.DETECT, List.of()).result().glomeruli().size());
        StageOutcome strict = run("score=0.85", Stage.DETECT, List.of());
        assertEquals(2, strict.result().glomeruli().size());
        assertEquals("biopsy.tif", strict.result().slide().name());
        assertEquals(2, strict.glomeruli().size());
    }

    @Test
    void reviewedRoisAreClassified() throws IOException {
        List<Roi> rois = new ArrayList<>(GlomerulusRois.of(run("", Stage.DETECT, List.of()).result(), 1, false));
        rois.remove(1); // the pathologist deletes a false positive ...
        rois.add(new Roi(880.0, 180.0, 40.0, 40.0)); // ... and boxes a missed glomerulus
        StageOutcome classified = run("", Stage.CLASSIFY, rois);
        List<GlomerulusResult> g = classified.result().glomeruli();
        assertEquals(4, g.size());
        assertEquals(List.of("normal", "normal", "sclerosed", "sclerosed"),
                g.stream().map(GlomerulusResult::className).toList());
        assertEquals(900, g.get(3).detection().circle().centerX(), 1e-9);
        assertEquals(40 / Math.sqrt(Math.PI), g.get(3).detection().circle().radius(), 1e-9); // equal area
    }

    @Test
    void roisOnAThumbnailOfASlideFileAreScaled() throws IOException {
        ImagePlus thumbnail = new FixedResultService().thumbnail(Path.of("big.svs"), 250);
        StageOutcome o = runner.run(StageOptions.parse(Stage.SEGMENT, ""), Optional.of(thumbnail),
                List.of(new OvalRoi(10.0, 10.0, 20.0, 20.0)), ProgressListener.SILENT, new CancellationToken());
        assertEquals(new SlideSource.File(Path.of("big.svs")), o.view().source());
        assertEquals(80, o.result().glomeruli().get(0).detection().circle().centerX(), 1e-9); // 20 * 4
        assertTrue(o.result().glomeruli().get(0).outline().isPresent());
    }

    @Test
    void withoutCirclesOrSlideTheMessageSaysWhatToDo() {
        IllegalArgumentException noCircles = assertThrows(IllegalArgumentException.class,
                () -> run("", Stage.CLASSIFY, List.of()));
        assertTrue(noCircles.getMessage().startsWith("Classify Glomeruli needs circles"));
        IllegalArgumentException noSlide = assertThrows(IllegalArgumentException.class, () -> runner.run(
                StageOptions.parse(Stage.DETECT, ""), Optional.empty(), List.of(), ProgressListener.SILENT,
                new CancellationToken()));
        assertEquals("no slide: give slide=[file] or open an image first", noSlide.getMessage());
    }

    @Test
    void annotationFileGivesTheCircles(@TempDir Path dir) throws IOException {
        Path annotations = Files.writeString(dir.resolve("a.txt"), "100 100 50\n300 120 30\n");
        StageOutcome o = run("annotations=[" + annotations + "]", Stage.CLASSIFY, List.of());
        assertEquals(2, o.result().glomeruli().size());
    }

    @Test
    void onlyTheServicesFilesGoToTheOutputFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out folder");
        StageOutcome o = run("output=[" + out + "] formats=[xml,csv] tables", Stage.ALL_IN_ONE, List.of());
        // The shown tables are not saved beside the slide folder's own table (one table schema per folder).
        assertEquals(List.of(out.resolve("biopsy.xml.txt"), out.resolve("biopsy.csv.txt")), o.files());
        assertEquals(5, o.glomeruli().size() + 1, "header and 4 glomeruli in the shown table");
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary files are left");
        }
    }
}
