package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ImageJ 1 with its real menus, dialogs, ROI Manager and tables, on a virtual display (Xvfb): a macro calls
 * each menu command, and a recorded dialog replays to the same result. The pipeline is replaced by
 * {@link FixedResultService}: this test is about the front door. Skips where {@code xvfb-run} is absent.
 */
class ImageJGuiTest {
    @TempDir
    static Path dir;
    private static Properties checks;

    @BeforeAll
    static void runSession() throws Exception {
        checks = runGuiSession(dir, "fixed", FixedResultService.class.getName());
    }

    /**
     * Runs {@link GuiSession} in its own JVM on a virtual display and returns what it saw.
     *
     * @param mode    {@code fixed} or {@code engine}
     * @param service the {@link GloInOneService} implementation the menu commands use
     */
    static Properties runGuiSession(Path dir, String mode, String service) throws Exception {
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed (apt-get install xvfb); GUI test skipped");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1400x1000x24",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=false",
                "-D" + GloInOneServices.PROPERTY + "=" + service, "-Xmx2g",
                "-cp", classPath, GuiSession.class.getName(), dir.toString(), mode));
        String screenshot = System.getProperty("gloinone.screenshot." + mode, "");
        if (!screenshot.isEmpty()) {
            command.add(Path.of(screenshot).toAbsolutePath().toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("session.log").toFile()).start();
        Path done = dir.resolve("done");
        // the session fails by itself when a macro waits on a dialog; the limit only guards against a hang
        for (long waited = 0; waited < 2 * GuiSession.HANG_GUARD_MILLIS && !Files.exists(done) && p.isAlive();
             waited += 100) {
            Thread.sleep(100);
        }
        // The session never quits by itself (ImageJ keeps its windows): end the JVM and the X server.
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(done), "the ImageJ session ended early: " + Files.readString(dir.resolve("session.log")));
        Properties seen = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("gui-checks.properties"))) {
            seen.load(in);
        }
        assertEquals(null, seen.getProperty("error"), Files.readString(dir.resolve("session.log")));
        return seen;
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static Properties macro() throws Exception {
        return load(dir.resolve("macro-checks.properties"));
    }

    static Properties load(Path file) throws Exception {
        Properties m = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            m.load(in);
        }
        return m;
    }

    @Test
    void pluginsConfigPutsTheCommandsInTheMenu() {
        assertEquals("org.gloinone.fiji.StagePlugin(\"all\")", checks.getProperty("menu_all_in_one"));
        assertEquals("org.gloinone.fiji.StagePlugin(\"classify\")", checks.getProperty("menu_classify"));
    }

    @Test
    void detectAppendsAndClassifyAndSegmentUpdateTheReviewedRoisInPlace() throws Exception {
        Properties m = macro();
        assertEquals("5", m.getProperty("after_detect_rois"), "the user's box + 4 detections");
        assertEquals("4", m.getProperty("detect_table_rows"));
        assertEquals("4", m.getProperty("after_detect_overlay"));
        assertEquals("4", m.getProperty("after_classify_rois"), "one deleted, 3 classified in place, none added");
        assertEquals("G0001 normal 0.90,G0003 normal 0.90,G0004 sclerosed 0.90",
                m.getProperty("after_classify_names"), "same ids, new names");
        assertEquals("3", m.getProperty("classify_table_rows"));
        assertEquals("normal,normal,sclerosed", m.getProperty("classify_classes"));
        assertEquals("7", m.getProperty("after_segment_rois"), "3 circles updated, their 3 outlines added");
        assertEquals("13", m.getProperty("after_allinone_rois"), "score 0.70 keeps 3, with outlines");
        assertEquals("6", m.getProperty("after_allinone_overlay"), "the overlay shows the latest run only");
        assertEquals("4", m.getProperty("summary_rows"), "one summary row per run");
        assertTrue(m.getProperty("glomeruli_headings").contains("slide,id,class,p_normal,p_sclerosed,score,"
                + "center_x_px,center_y_px,center_x_um,center_y_um,radius_px,radius_um,area_um2"), m.getProperty("glomeruli_headings"));
        assertEquals("0", m.getProperty("file_glomeruli_table"), "shown tables are not saved beside the files");
        assertEquals("0", m.getProperty("file_summary_table"));
        assertEquals("1", m.getProperty("file_xml"));
        assertEquals("0010-0010", checks.getProperty("roi0_name"), "the user's own box is still first");
        assertEquals("G0001 normal 0.90", checks.getProperty("roi1_name"), "Segment kept Classify's class");
        assertEquals("ff00b000", checks.getProperty("roi1_colour"), "normal: the files' green");
        assertEquals("G0004 sclerosed mask", checks.getProperty("roi6_name"));
        assertEquals("ffe00000", checks.getProperty("roi6_colour"), "sclerosed: the files' red, carried from Classify");
    }

    @Test
    void tablesOpenAtSeparateVisiblePlaces() {
        java.awt.Rectangle glomeruli = rectangle(checks.getProperty("table_glomeruli_bounds"));
        java.awt.Rectangle summary = rectangle(checks.getProperty("table_summary_bounds"));
        java.awt.Rectangle screen = new java.awt.Rectangle(0, 0, 1400, 1000);
        assertTrue(screen.contains(glomeruli), glomeruli.toString());
        assertTrue(screen.contains(summary), summary.toString());
        assertTrue(!glomeruli.intersects(summary), glomeruli + " and " + summary + " do not overlap");
    }

    private static java.awt.Rectangle rectangle(String xywh) {
        String[] v = xywh.split(",");
        return new java.awt.Rectangle(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]),
                Integer.parseInt(v[3]));
    }

    @Test
    void aScoreRememberedByTheDialogDoesNotChangeAMacrosResult() {
        assertTrue(checks.getProperty("remembered").contains("score=0.7"), checks.getProperty("remembered"));
        assertEquals("4", checks.getProperty("macro_without_score_added_rois"),
                "the default threshold 0.5 keeps 4 glomeruli; the remembered 0.7 would keep 3");
    }

    @Test
    void aRecordedDialogReplaysToTheSameResult() {
        String recorded = checks.getProperty("recorded");
        assertTrue(recorded.startsWith("run(\"All-in-One\", \"slide=[] output="), checks.getProperty("recorded_text"));
        assertTrue(recorded.contains("output=" + dir.resolve("recorded") + " "), recorded);
        assertTrue(recorded.contains("score=0.7 "), recorded);
        assertTrue(recorded.contains("formats=csv"), recorded);
        String options = recorded.substring("run(\"All-in-One\", \"".length(), recorded.length() - "\");".length());
        StageOptions parsed = StageOptions.parse(Stage.ALL_IN_ONE, options);
        assertEquals(java.util.Optional.of(dir.resolve("recorded")), parsed.output());
        assertEquals(java.util.OptionalDouble.of(0.7), parsed.score());
        assertEquals(java.util.Set.of(org.gloinone.io.OutputFormat.CSV), parsed.formats());
        assertEquals(StageOptions.defaults(Stage.ALL_IN_ONE).tissueMask(), parsed.tissueMask(),
                "what ImageJ records is what our parser reads");
        assertEquals("3", checks.getProperty("recorded_added_rois"));
        StageOptions remembered = StageOptions.parse(Stage.ALL_IN_ONE, checks.getProperty("remembered"));
        assertEquals(parsed, remembered, "the dialog opens next time with what was chosen");
        assertEquals("", checks.getProperty("remembered_detect"), "macro runs leave the dialog's memory alone");
        assertEquals(checks.getProperty("recorded_added_rois"), checks.getProperty("replayed_added_rois"));
        assertNotEquals("", checks.getProperty("recorded_table"));
        assertEquals(checks.getProperty("recorded_table"), checks.getProperty("replayed_table"));
    }
}
