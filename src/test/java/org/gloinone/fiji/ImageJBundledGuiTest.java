package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

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
        // Detect: 14 circles at the detector's default score 0.45 on the slide restained to the detector's training
        // stain, unclassified, written as ImageScope XML.
        assertEquals("14", seen.getProperty("detect_rois"));
        assertEquals("14", seen.getProperty("detect_rows"));
        assertEquals("1", seen.getProperty("detect_file"));
        // Classify those 14 from the file: 1 rejected (non-glomerular probability at or above the classifier's
        // reject_threshold 0.55), with class probabilities.
        assertEquals("13", seen.getProperty("classify_rows"));
        assertEquals("1", seen.getProperty("classify_rejected"));
        assertTrue(seen.getProperty("classify_headings").contains("p_sclerosed"), seen.getProperty("classify_headings"));
        // Segment all 14 (no classifier, nothing rejected): a circle and an outline each, with measurements.
        assertEquals("14", seen.getProperty("segment_rows"));
        assertEquals("28", seen.getProperty("segment_rois"));
        assertTrue(seen.getProperty("segment_headings").contains("area_um2"), seen.getProperty("segment_headings"));
        // All-in-One: 13 glomeruli as on the command line, each a circle and a mask outline in the ROI Manager.
        assertEquals("13", seen.getProperty("rows"));
        assertEquals("26", seen.getProperty("rois"));
        assertEquals("1", seen.getProperty("rejected"));
        assertTrue(seen.getProperty("thumbnail").startsWith("kidney-pas-mosaic.tif"), seen.getProperty("thumbnail"));
        assertTrue(Files.isRegularFile(dir.resolve("out/kidney-pas-mosaic.tif/kidney-pas-mosaic.xml")));
        humanInTheLoop(ImageJGuiTest.load(dir.resolve("review-checks.properties")));
        batchMode(ImageJGuiTest.load(dir.resolve("batch-checks.properties")));
    }

    /**
     * Detect (14) -> delete one -> draw an oval and a rectangle -> Classify -> Segment, nothing selected: 14 - 1
     * + 2 glomeruli, each with a class and an outline, the ids Detect gave (the drawn ones new), matching rows.
     */
    private static void humanInTheLoop(Properties seen) {
        assertEquals("14", seen.getProperty("review_detect_rois"));
        List<Integer> detected = new ArrayList<>();
        for (String name : seen.getProperty("review_detect_names").split(";")) {
            detected.add(Integer.parseInt(name.substring(1, 5)));
        }
        int deleted = Integer.parseInt(seen.getProperty("review_deleted").substring(1, 5));
        int highest = detected.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Set<Integer> expected = new TreeSet<>(detected);
        expected.remove(deleted);
        expected.add(highest + 1);
        expected.add(highest + 2);
        assertEquals("15", seen.getProperty("review_classify_rois"), "classified in place: nothing appended");
        assertEquals("30", seen.getProperty("review_segment_rois"), "15 circles, each with its outline");
        assertEquals("15", seen.getProperty("review_segment_rows"));
        Set<Integer> circleIds = new TreeSet<>();
        Map<Integer, String> classOf = new HashMap<>();
        for (String circle : seen.getProperty("review_circles").split(";")) {
            String[] f = circle.split(":", 3);
            int id = Integer.parseInt(f[0]);
            assertTrue(circleIds.add(id), "one circle per id: " + circle);
            assertNotEquals("null", f[1], "classified: " + circle);
            assertTrue(f[2].startsWith(String.format("G%04d %s ", id, f[1])), "named by id and class: " + circle);
            classOf.put(id, f[1]);
        }
        assertEquals(expected, circleIds, "Detect's ids, the deleted one gone, two new ones");
        Set<Integer> outlineIds = new TreeSet<>();
        for (String id : seen.getProperty("review_outline_ids").split(";")) {
            outlineIds.add(Integer.parseInt(id));
        }
        assertEquals(expected, outlineIds, "an outline for every glomerulus");
        String[] tableIds = seen.getProperty("review_table_ids").split(";");
        String[] tableClasses = seen.getProperty("review_table_classes").split(";");
        Set<Integer> rows = new TreeSet<>();
        for (int i = 0; i < tableIds.length; i++) {
            int id = Integer.parseInt(tableIds[i].substring(1)); // G0005
            rows.add(id);
            assertEquals(classOf.get(id), tableClasses[i], "row of G" + id + " has its ROI's class (kept from Classify)");
        }
        assertEquals(expected, rows);
    }

    /** A batch-mode macro's hidden ROI Manager gets All-in-One's ROIs, and Detect -> draw -> Classify works. */
    private static void batchMode(Properties seen) {
        assertEquals("13", seen.getProperty("batch_allinone_rois"));
        assertEquals("14", seen.getProperty("batch_detect_rois"));
        assertEquals("15", seen.getProperty("batch_classify_rois"), "the drawn oval classified in place");
        assertEquals(15 - Integer.parseInt(seen.getProperty("batch_classify_rejected")),
                Integer.parseInt(seen.getProperty("batch_classify_rows")));
        assertTrue(seen.getProperty("batch_last_name").startsWith("G0015 "), seen.getProperty("batch_last_name"));
    }
}
