package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gloinone.fiji.engine.PipelineService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageJ 1 on a virtual display running Plugins > Glo-In-One > All-in-One with the real engine and the bundled
 * models on the bundled sample slide, as a user would after installing the plugin. With
 * {@code -Dgloinone.screenshot.bundled=FILE} it saves the screenshot shown in the README. Skips where
 * {@code xvfb-run} is absent.
 */
class ImageJBundledGuiTest {

    @Test
    void eachMenuCommandOnTheSampleFillsTheRoiManagerTablesAndFiles(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("models", "detector")), "the bundled models are absent");
        ImageJGuiTest.runGuiSession(dir, "bundled", PipelineService.class.getName());
        Properties seen = ImageJGuiTest.load(dir.resolve("bundled-checks.properties"));
        // Detect: 19 circles, unclassified, written as ImageScope XML.
        assertEquals("19", seen.getProperty("detect_rois"));
        assertEquals("19", seen.getProperty("detect_rows"));
        assertEquals("1", seen.getProperty("detect_file"));
        // Classify those 19 from the file: 6 rejected as non-glomerular, 13 left, with class probabilities.
        assertEquals("13", seen.getProperty("classify_rows"));
        assertEquals("6", seen.getProperty("classify_rejected"));
        assertTrue(seen.getProperty("classify_headings").contains("P_sclerosed"), seen.getProperty("classify_headings"));
        // Segment all 19 (no classifier, nothing rejected): a circle and an outline each, with measurements.
        assertEquals("19", seen.getProperty("segment_rows"));
        assertEquals("38", seen.getProperty("segment_rois"));
        assertTrue(seen.getProperty("segment_headings").contains("Area_um2"), seen.getProperty("segment_headings"));
        // All-in-One: 13 glomeruli as on the command line, each a circle and a mask outline in the ROI Manager.
        assertEquals("13", seen.getProperty("rows"));
        assertEquals("26", seen.getProperty("rois"));
        assertEquals("6", seen.getProperty("rejected"));
        assertTrue(seen.getProperty("thumbnail").startsWith("kidney-pas-mosaic.tif"), seen.getProperty("thumbnail"));
        assertTrue(Files.isRegularFile(dir.resolve("out/kidney-pas-mosaic.tif/kidney-pas-mosaic.xml")));
    }
}
