package org.gloinone.fiji;

import java.awt.Button;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.imageio.ImageIO;

import org.gloinone.model.ModelFinder;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import ij.plugin.frame.RoiManager;

/**
 * An ImageJ 1 session on a display (Xvfb in tests), run in its own JVM by {@link ImageJGuiTest}: installs the
 * plugin through its {@code plugins.config}, runs {@code gui-test.ijm}, records the All-in-One dialog and
 * replays the recorded command, optionally saves a screenshot, and writes what it saw to
 * {@code gui-checks.properties} in the working folder (then {@code done}).
 */
public final class GuiSession {
    /**
     * Only a guard against a session that never ends: a macro blocked by a dialog fails at once (see
     * {@link #runMacro}), so this limit never decides a run on a slow or busy machine.
     */
    static final long HANG_GUARD_MILLIS = 10 * 60_000;

    private GuiSession() {
    }

    /**
     * @param args the working folder; {@code fixed} (menu commands over {@link FixedResultService}) or
     *             {@code engine} (over the real engine with the pipeline tests' networks); optionally a PNG path
     *             for a screenshot
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Properties checks = new Properties();
        try {
            Path screenshot = args.length > 2 ? Path.of(args[2]) : null;
            if (args[1].equals("engine")) {
                engineSession(dir, checks, screenshot);
            } else if (args[1].equals("bundled")) {
                bundledSession(dir, screenshot);
            } else {
                session(dir, checks, screenshot);
            }
        } catch (Throwable t) {
            checks.setProperty("error", t.toString());
            throw t;
        } finally {
            try (OutputStream out = Files.newOutputStream(dir.resolve("gui-checks.properties"))) {
                checks.store(out, null);
            }
            Files.writeString(dir.resolve("done"), "done");
        }
    }

    private static void startImageJ(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        installPluginsConfig(plugins.resolve("Glo_In_One_test.jar"));
        System.setProperty("plugins.dir", plugins.toString());
        new ImageJ();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GuiSession.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void engineSession(Path dir, Properties checks, Path screenshot) throws Exception {
        startImageJ(dir);
        Files.writeString(dir.resolve("kidney.fixture"), "generated slide");
        runMacro(resource("engine-test.ijm"), dir.toString());
        RoiManager rm = RoiManager.getInstance();
        checks.setProperty("first_roi", rm.getRoi(0).getName());
        ImagePlus image = WindowManager.getCurrentImage();
        checks.setProperty("downsample", image.getProp(SlideView.DOWNSAMPLE));
        if (screenshot != null) {
            saveScreenshot(image, rm, screenshot);
        }
        runMacro(resource("engine-more.ijm"), dir.toString());
    }

    /** All-in-One with the bundled models on the bundled sample (run from the project folder). */
    private static void bundledSession(Path dir, Path screenshot) throws Exception {
        System.setProperty(ModelFinder.HOME_PROPERTY, ".");
        startImageJ(dir);
        Path sample = Path.of("samples", "kidney-pas-mosaic.tif").toAbsolutePath();
        runMacro(resource("bundled-test.ijm"), dir + ";" + sample);
        runMacro(resource("review-test.ijm"), dir + ";" + sample);
        reviewChecks(dir.resolve("review-checks.properties"));
        if (screenshot != null) {
            saveScreenshot(WindowManager.getCurrentImage(), RoiManager.getInstance(), screenshot);
        }
        runMacro(resource("batch-test.ijm"), dir + ";" + sample);
    }

    /**
     * After the review: per glomerulus in the ROI Manager, its id, class and whether an outline with that id
     * is there, as the ROI properties say.
     */
    private static void reviewChecks(Path file) throws IOException {
        Properties checks = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            checks.load(in);
        }
        StringBuilder circles = new StringBuilder();
        java.util.Set<String> outlines = new java.util.TreeSet<>();
        for (Roi roi : RoiManager.getInstance().getRoisAsArray()) {
            String id = roi.getProperty(org.gloinone.imagej.RoiTags.ID);
            if (org.gloinone.imagej.RoiTags.OUTLINE.equals(roi.getProperty(org.gloinone.imagej.RoiTags.KIND))) {
                outlines.add(id);
            } else {
                circles.append(id).append(':').append(roi.getProperty(org.gloinone.imagej.RoiTags.CLASS))
                        .append(':').append(roi.getName()).append(';');
            }
        }
        checks.setProperty("review_circles", circles.toString());
        checks.setProperty("review_outline_ids", String.join(";", outlines));
        try (OutputStream out = Files.newOutputStream(file)) {
            checks.store(out, null);
        }
    }

    private static void session(Path dir, Properties checks, Path screenshot) throws Exception {
        startImageJ(dir);
        checks.setProperty("menu_all_in_one", String.valueOf(Menus.getCommands().get("All-in-One")));
        checks.setProperty("menu_classify", String.valueOf(Menus.getCommands().get("Classify Glomeruli")));

        runMacro(resource("gui-test.ijm"), dir.toString());

        RoiManager rm = RoiManager.getInstance();
        checks.setProperty("roi0_name", rm.getRoi(0).getName());
        checks.setProperty("roi1_name", rm.getRoi(1).getName());
        checks.setProperty("roi1_colour", Integer.toHexString(rm.getRoi(1).getStrokeColor().getRGB()));
        checks.setProperty("roi6_name", rm.getRoi(6).getName());
        checks.setProperty("roi6_colour", Integer.toHexString(rm.getRoi(6).getStrokeColor().getRGB()));

        // Recording: fill the dialog as a user would, press OK, read what the recorder wrote.
        Recorder recorder = new Recorder(false);
        int before = rm.getCount();
        IJ.doCommand("All-in-One"); // as from the menu: the recorder sees menu commands only
        GenericDialog gd = awaitDialog("Glo-In-One: All-in-One");
        java.util.List<?> fields = gd.getStringFields();
        ((TextField) fields.get(1)).setText(dir.resolve("recorded").toString());
        ((TextField) fields.get(2)).setText("0.7");
        ((TextField) fields.get(4)).setText("csv");
        Button ok = gd.getButtons()[0];
        java.awt.EventQueue.invokeAndWait(() ->
                gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel())));
        String text = "";
        for (long waited = 0; waited < HANG_GUARD_MILLIS && !text.contains("run(\"All-in-One\""); waited += 100) {
            Thread.sleep(100);
            text = recorder.getText();
        }
        awaitCommandThreads("All-in-One");
        checks.setProperty("recorded_text", text);
        String recorded = text.lines().filter(l -> l.startsWith("run(\"All-in-One\"")).findFirst().orElse("");
        checks.setProperty("recorded", recorded);
        checks.setProperty("recorded_added_rois", Integer.toString(rm.getCount() - before));
        checks.setProperty("remembered", ij.Prefs.get(StageDialog.prefsKey(Stage.ALL_IN_ONE), ""));
        checks.setProperty("remembered_detect", ij.Prefs.get(StageDialog.prefsKey(Stage.DETECT), ""));
        ResultsTable first = ResultsTable.getResultsTable(ImageJTables.GLOMERULI);
        checks.setProperty("recorded_table", first == null ? "" : tableText(first));

        // Replay the recorded line as a macro.
        before = rm.getCount();
        runMacro(recorded, "");
        checks.setProperty("replayed_added_rois", Integer.toString(rm.getCount() - before));
        checks.setProperty("replayed_table", tableText(ResultsTable.getResultsTable(ImageJTables.GLOMERULI)));

        // A macro that omits the score gets the default, not the 0.7 the dialog remembers.
        before = rm.getCount();
        runMacro("run(\"All-in-One\", \"threads=2 device=cpu tissue min-tissue=0.01 formats=[] rois\");", "");
        checks.setProperty("macro_without_score_added_rois", Integer.toString(rm.getCount() - before));
        checks.setProperty("table_glomeruli_bounds", bounds(WindowManager.getWindow(ImageJTables.GLOMERULI)));
        checks.setProperty("table_summary_bounds", bounds(WindowManager.getWindow(ImageJTables.SUMMARY)));

        ImagePlus image = WindowManager.getImage("biopsy");
        checks.setProperty("image_overlay", Integer.toString(image.getOverlay().size()));
        if (screenshot != null) {
            saveScreenshot(image, rm, screenshot);
        }
    }

    /**
     * Waits for the threads ImageJ runs a menu command in (named after the command): the recorder writes the
     * line when the dialog closes, long before the command ends, and the next step must not overlap it.
     */
    private static void awaitCommandThreads(String command) throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(command)) {
                t.join(HANG_GUARD_MILLIS);
            }
        }
    }

    private static String bounds(Window w) {
        Rectangle b = w.getBounds();
        return b.x + "," + b.y + "," + b.width + "," + b.height;
    }

    /** Runs a macro; fails with ImageJ's log and the open windows when it does not finish (e.g. an error dialog). */
    private static void runMacro(String macro, String argument) throws InterruptedException {
        Thread t = new Thread(() -> IJ.runMacro(macro, argument), "macro");
        t.start();
        // A macro given all its options opens no dialog: one showing means it waits for a user (an error
        // message, a missing option), so fail now rather than after a time that depends on the machine's speed.
        String blocked = "";
        for (long waited = 0; t.isAlive() && blocked.isEmpty() && waited < HANG_GUARD_MILLIS; waited += 100) {
            t.join(100);
            blocked = showingDialogs();
        }
        if (t.isAlive()) {
            StringBuilder windows = new StringBuilder();
            for (Window w : Window.getWindows()) {
                if (w.isShowing()) {
                    windows.append(w instanceof java.awt.Dialog d ? d.getTitle() : w.getName()).append(": ")
                            .append(texts(w)).append("; ");
                }
            }
            try {
                java.awt.Rectangle screen = new java.awt.Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
                ImageIO.write(new Robot().createScreenCapture(screen), "png",
                        Path.of(System.getProperty("java.io.tmpdir"), "glo-in-one-macro-hang.png").toFile());
            } catch (java.awt.AWTException | IOException e) {
                windows.append("(no screenshot: ").append(e).append(')');
            }
            throw new IllegalStateException("macro did not finish (" + (blocked.isEmpty() ? "still running after "
                    + HANG_GUARD_MILLIS / 60_000 + " min" : "a dialog waits: " + blocked) + "; screen in "
                    + "glo-in-one-macro-hang.png); windows: " + windows + " log: " + IJ.getLog());
        }
    }

    /** Titles and texts of the modal dialogs on screen, or "" when none shows. */
    private static String showingDialogs() {
        StringBuilder s = new StringBuilder();
        for (Window w : Window.getWindows()) {
            if (w instanceof java.awt.Dialog d && d.isModal() && d.isShowing()) {
                s.append(d.getTitle()).append(": ").append(texts(d)).append("; ");
            }
        }
        return s.toString();
    }

    /** The text shown by a window's labels and text areas (to report an error dialog). */
    private static String texts(java.awt.Container c) {
        StringBuilder s = new StringBuilder();
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof java.awt.Label l) {
                s.append(l.getText()).append(' ');
            } else if (child instanceof java.awt.TextComponent t) {
                s.append(t.getText()).append(' ');
            } else if (child instanceof java.awt.Container inner) {
                s.append(texts(inner));
            }
        }
        return s.toString();
    }

    private static String tableText(ResultsTable t) {
        StringBuilder s = new StringBuilder(t.getColumnHeadings()).append('\n');
        for (int row = 0; row < t.size(); row++) {
            s.append(t.getRowAsString(row)).append('\n');
        }
        return s.toString();
    }

    private static GenericDialog awaitDialog(String title) throws InterruptedException {
        for (long waited = 0; waited < HANG_GUARD_MILLIS; waited += 100) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && title.equals(gd.getTitle()) && gd.isShowing()) {
                    return gd;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no dialog '" + title + "' appeared");
    }

    private static void installPluginsConfig(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             InputStream config = GuiSession.class.getResourceAsStream("/plugins.config")) {
            if (config == null) {
                throw new IOException("plugins.config is not on the class path");
            }
            out.putNextEntry(new JarEntry("plugins.config"));
            config.transferTo(out);
            out.closeEntry();
        }
    }

    /** Arranges the image and the ROI Manager side by side and captures the screen around them. */
    private static void saveScreenshot(ImagePlus image, RoiManager rm, Path png) throws Exception {
        java.awt.EventQueue.invokeAndWait(() -> {
            image.getWindow().setLocation(10, 120);
            rm.setLocation(image.getWindow().getX() + image.getWindow().getWidth() + 10, 120);
            image.getWindow().toFront();
            rm.toFront();
        });
        Thread.sleep(1500);
        Rectangle a = image.getWindow().getBounds();
        Rectangle b = rm.getBounds();
        Rectangle area = a.union(b).union(IJ.getInstance().getBounds());
        try {
            ImageIO.write(new Robot().createScreenCapture(area), "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
