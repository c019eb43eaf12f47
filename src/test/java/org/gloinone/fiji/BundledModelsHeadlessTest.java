package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gloinone.fiji.engine.PipelineService;
import org.gloinone.model.ModelFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.Macro;

/**
 * The Fiji macro path end to end with the real engine: Plugins > Glo-In-One > All-in-One, run headless as a macro
 * on the bundled sample slide with the bundled models, writes the result files and tables.
 */
class BundledModelsHeadlessTest {
    private String oldHome;

    @BeforeEach
    void useTheRealEngineAndTheBundledModels() {
        System.setProperty(GloInOneServices.PROPERTY, PipelineService.class.getName());
        oldHome = System.getProperty(ModelFinder.HOME_PROPERTY);
        System.setProperty(ModelFinder.HOME_PROPERTY, ".");
    }

    @AfterEach
    void clear() {
        System.clearProperty(GloInOneServices.PROPERTY);
        if (oldHome == null) {
            System.clearProperty(ModelFinder.HOME_PROPERTY);
        } else {
            System.setProperty(ModelFinder.HOME_PROPERTY, oldHome);
        }
    }

    @Test
    void allInOneMacroOnTheSampleSlide(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("models", "detector")), "the bundled models are absent");
        Path sample = Path.of("samples", "kidney-pas-mosaic.tif").toAbsolutePath();
        Throwable[] thrown = {null};
        // ImageJ hands macro options only to threads named "Run$_..."
        Thread t = new Thread(() -> {
            Macro.setOptions("slide=[" + sample + "] output=[" + dir + "] threads=2 device=cpu tissue "
                    + "min-tissue=0.01 formats=[xml,geojson,csv] tables");
            try {
                new StagePlugin().run("all");
            } catch (RuntimeException e) {
                thrown[0] = e;
            }
        }, "Run$_Macro$");
        t.start();
        t.join();
        assertNull(thrown[0]);

        Path folder = dir.resolve("kidney-pas-mosaic.tif");
        for (String f : List.of("kidney-pas-mosaic.xml", "kidney-pas-mosaic.geojson", "kidney-pas-mosaic-glomeruli.csv")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(folder.resolve("kidney-pas-mosaic-glomeruli.csv"));
        // The same models and slide as the command line's demo: 13 glomeruli, all normal (1 of the detector's
        // 14 rejected as non-glomerular).
        assertEquals(14, rows.size(), String.join("\n", rows));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.split(",")[2].equals("normal")), String.join("\n", rows));
        assertTrue(Files.isRegularFile(folder.resolve("run.json")), "resumable from the command line");
        assertTrue(Files.isRegularFile(dir.resolve("summary.csv")));
    }
}
