package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The menu plugins run headless (java.awt.headless=true, as on a cluster) from macro options: no window is
 * touched and the results go to files.
 */
class HeadlessPluginTest {

    @BeforeEach
    void useTheFixedService() {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "surefire runs headless");
        System.setProperty(GloInOneServices.PROPERTY, FixedResultService.class.getName());
    }

    @AfterEach
    void clear() {
        System.clearProperty(GloInOneServices.PROPERTY);
    }

    @Test
    void allInOneWritesItsFiles(@TempDir Path dir) throws Exception {
        runAsMacro(new ImagePlus("case 7.tif", new ColorProcessor(1000, 800)), "all", "output=[" + dir + "] score=0.7 formats=geojson tables");
        assertEquals(List.of("case 7.geojson.txt"), names(dir));
        assertEquals("3 glomeruli", Files.readString(dir.resolve("case 7.geojson.txt")).trim());
    }

    @Test
    void headlessWithoutOutputWritesNothing(@TempDir Path dir) throws Exception {
        Throwable failure = runAsMacro(new ImagePlus("x.tif", new ColorProcessor(100, 80)), "detect", "formats=xml tables");
        assertEquals(Macro.MACRO_CANCELED, failure.getMessage(), "the macro is aborted");
        assertEquals(List.of(), names(dir));
    }

    /**
     * Runs the plugin as ImageJ's macro interpreter does: on a thread named "Run$_Macro$" (ImageJ hands macro
     * options only to "Run$_" threads) with the image current on that thread. Returns what it threw, or null.
     */
    private static Throwable runAsMacro(ImagePlus image, String stage, String options) throws InterruptedException {
        Throwable[] thrown = {null};
        Thread t = new Thread(() -> {
            WindowManager.setTempCurrentImage(image);
            Macro.setOptions(options);
            try {
                new StagePlugin().run(stage);
            } catch (RuntimeException e) {
                thrown[0] = e;
            }
        }, "Run$_Macro$");
        t.start();
        t.join();
        return thrown[0];
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
