package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gloinone.fiji.engine.FixtureEngineService;

/**
 * ImageJ 1 on a virtual display running the menu commands over the real engine (pipeline, slide layer,
 * result files) with the pipeline tests' small networks on their generated slide: six glomeruli (two
 * sclerosed) and one non-glomerular blob. Skips where {@code xvfb-run} is absent.
 */
class ImageJEngineGuiTest {
    @TempDir
    static Path dir;
    private static Properties seen;
    private static Properties macro;

    @BeforeAll
    static void runSession() throws Exception {
        seen = ImageJGuiTest.runGuiSession(dir, "engine", FixtureEngineService.class.getName());
        macro = ImageJGuiTest.load(dir.resolve("engine-checks.properties"));
    }

    @Test
    void allInOneOnASlideFileShowsAThumbnailWithRoisTablesAndFiles() {
        assertEquals("12", macro.getProperty("allinone_rois"), "6 circles and their 6 mask outlines");
        assertEquals("6", macro.getProperty("allinone_rows"));
        assertEquals("1", macro.getProperty("allinone_rejected"));
        assertEquals("2", macro.getProperty("allinone_sclerosed"));
        assertTrue(macro.getProperty("thumbnail").startsWith("kidney.fixture (1/"), macro.getProperty("thumbnail"));
        assertEquals("12", macro.getProperty("thumbnail_overlay"));
        assertEquals("1", macro.getProperty("file_xml"));
        assertEquals("1", macro.getProperty("file_rois"));
        assertEquals("1", macro.getProperty("file_table"));
        assertEquals(6000.0 / 2048, Double.parseDouble(seen.getProperty("downsample")), 1e-9);
    }

    @Test
    void modelsImportAndExportCommands() {
        assertEquals("3", macro.getProperty("models_rows"), "detector, classifier, segmenter");
        assertEquals("6", macro.getProperty("imported_rois"), "the six glomeruli of the written ImageScope XML");
        assertEquals("1", macro.getProperty("export_table"));
        assertEquals("1", macro.getProperty("export_summary"));
        assertEquals("1", macro.getProperty("export_rois"));
    }

    @Test
    void afterDeletingAGlomerulusTheRestIsClassifiedFromTheThumbnail() {
        assertEquals("5", macro.getProperty("classify_rows"), "5 circles left; the outlines are not circles");
        assertEquals("11", macro.getProperty("classify_rois"), "the 5 circles classified in place, their 6 outlines"
                + " renamed; nothing appended");
        assertTrue(seen.getProperty("first_roi").matches("G0001 .*"), seen.getProperty("first_roi"));
    }
}
