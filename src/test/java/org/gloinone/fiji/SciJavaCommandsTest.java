package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import org.gloinone.pipeline.SlideResult;

/** The SciJava commands run headless in a Context, as a script or {@code --headless --run} would run them. */
class SciJavaCommandsTest {
    private static Context context;
    private static CommandService commands;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
        commands = context.service(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static Module run(Class<? extends StageCommand> command, Object... inputs) throws Exception {
        Object[] all = Arrays.copyOf(inputs, inputs.length + 2);
        all[inputs.length] = "service";
        all[inputs.length + 1] = new FixedResultService();
        return commands.run(command, true, all).get();
    }

    @Test
    void commandsAreIndexedWithoutMenuEntries() {
        for (Class<? extends StageCommand> c : List.<Class<? extends StageCommand>>of(DetectGlomeruliCommand.class, ClassifyGlomeruliCommand.class,
                SegmentGlomeruliCommand.class, AllInOneCommand.class)) {
            CommandInfo info = commands.getCommand(c);
            assertNotNull(info, c + " is in the annotation index");
            assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(), c + " has no menu entry");
            assertTrue(info.canRunHeadless());
        }
    }

    @Test
    void allInOneReturnsTablesAndRois(@TempDir Path dir) throws Exception {
        ImagePlus image = new ImagePlus("biopsy.tif", new ColorProcessor(1000, 800));
        Module m = run(AllInOneCommand.class, "image", image, "score", "0.7", "output", dir.toFile(),
                "formats", "xml", "outlines", true);
        assertEquals(3, m.getOutput("count"));
        SlideResult result = (SlideResult) m.getOutput("result");
        assertEquals("biopsy.tif", result.slide().name());
        ResultsTable glomeruli = (ResultsTable) m.getOutput("glomeruli");
        assertEquals(List.of("normal", "sclerosed", "normal"),
                List.of(glomeruli.getStringValue("class", 0), glomeruli.getStringValue("class", 1),
                        glomeruli.getStringValue("class", 2)));
        assertEquals(Math.PI * 27 * 27, glomeruli.getValue("area_um2", 2), 1e-6); // 0.9 * 60 px * 0.5 um/px
        ResultsTable summary = (ResultsTable) m.getOutput("summary");
        assertEquals(100.0 / 3, summary.getValue("percent_globally_sclerosed", 0), 1e-9);
        Roi[] rois = (Roi[]) m.getOutput("rois");
        assertEquals(6, rois.length, "3 circles and 3 outlines");
        assertEquals("G0002 sclerosed 0.90", rois[2].getName());
        assertEquals(List.of("biopsy.xml.txt"),
                Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void classifyTakesRoisFromTheScript() throws Exception {
        Roi[] drawn = {new OvalRoi(50.0, 50.0, 100.0, 100.0), new Roi(290.0, 110.0, 20.0, 20.0)};
        Module m = run(ClassifyGlomeruliCommand.class, "slide", new File("kidney.svs"), "circles", drawn);
        assertEquals(2, m.getOutput("count"));
        ResultsTable t = (ResultsTable) m.getOutput("glomeruli");
        assertEquals("normal", t.getStringValue("class", 0));
        assertEquals("sclerosed", t.getStringValue("class", 1));
        assertEquals(300, t.getValue("center_x_px", 1), 1e-9);
        assertEquals(20 / Math.sqrt(Math.PI), t.getValue("radius_px", 1), 1e-9); // the box's equal-area circle
        assertEquals("kidney.svs", t.getStringValue("slide", 0));
    }

    @Test
    void detectAloneLeavesClassesEmpty() throws Exception {
        Module m = run(DetectGlomeruliCommand.class, "slide", new File("kidney.svs"), "tables", false);
        assertEquals(4, m.getOutput("count"));
        ResultsTable t = (ResultsTable) m.getOutput("glomeruli");
        assertEquals("glomerulus", t.getStringValue("class", 0));
        assertTrue(Double.isNaN(t.getValue("area_um2", 0)), "not segmented: unknown area");
        assertFalse(t.columnExists("p_glomerulus"), "not classified: no probabilities");
    }

    @Test
    void invalidInputsFailNamingTheOption() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(SegmentGlomeruliCommand.class,
                "slide", new File("kidney.svs")));
        assertTrue(rootMessage(e).startsWith("Segment Glomeruli needs circles"), rootMessage(e));
        ExecutionException bad = assertThrows(ExecutionException.class, () -> run(DetectGlomeruliCommand.class,
                "slide", new File("kidney.svs"), "device", "tpu"));
        assertEquals("device must be auto, cpu or gpu, got 'tpu'", rootMessage(bad));
    }

    @Test
    void aRefusalReachesTheConsoleAsOneLineWithoutATrace() throws Exception {
        java.io.PrintStream console = System.err;
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(seen, true, java.nio.charset.StandardCharsets.UTF_8));
        ExecutionException e;
        try {
            e = assertThrows(ExecutionException.class, () -> run(DetectGlomeruliCommand.class,
                    "slide", new File("kidney.svs"), "device", "tpu"));
        } finally {
            System.setErr(console);
        }
        Throwable refusal = e;
        while (!(refusal instanceof IllegalArgumentException)) {
            refusal = refusal.getCause();
        }
        assertEquals(0, refusal.getStackTrace().length, "a refusal carries no trace");
        String logged = seen.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("device must be auto, cpu or gpu, got 'tpu'"), logged);
        assertFalse(logged.contains("\tat "), logged);
    }

    @Test
    void theIndexedCommandsAreTheOnesInTheJar() throws Exception {
        Path index = Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin");
        String json = Files.readString(index);
        for (String c : List.of("AllInOneCommand", "ClassifyGlomeruliCommand", "DetectGlomeruliCommand",
                "SegmentGlomeruliCommand")) {
            assertTrue(json.contains("\"class\":\"org.gloinone.fiji." + c + "\""), c);
        }
        assertFalse(json.contains("menuPath"), "no command adds a menu entry");
    }

    /** The message of the first IllegalArgumentException in the chain: what the user sees. */
    private static String rootMessage(Throwable t) {
        while (!(t instanceof IllegalArgumentException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
