package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;

import org.gloinone.io.OutputFormat;

/**
 * The dialog of the four run commands. It only shows the fields and reads them into a {@link StageOptions},
 * which validates them. Field labels start with the macro key, so ImageJ records
 * {@code run("All-in-One", "slide=[...] output=[...] score=0.30 ...")} and replays it without a dialog.
 * Headless there is no dialog: the macro options are parsed directly, with the same keys. The dialog starts
 * from the options last chosen in it (kept in ImageJ's preferences); macros neither read nor change them.
 */
public final class StageDialog {
    private static final String[] DEVICES = {"auto", "cpu", "gpu"};

    private StageDialog() {
    }

    /**
     * Asks for the options of {@code stage}; empty when the user cancels.
     *
     * @throws IllegalArgumentException naming the field and value when a value is invalid
     */
    public static Optional<StageOptions> ask(Stage stage, boolean headless) {
        if (headless) {
            String macro = Macro.getOptions();
            if (macro == null) {
                throw new IllegalArgumentException(stage.command() + " runs headless only from a macro or script "
                        + "that gives its options, e.g. run(\"" + stage.command() + "\", \"slide=[...] output=[...]\")");
            }
            return Optional.of(StageOptions.parse(stage, macro));
        }
        boolean interactive = Macro.getOptions() == null; // a macro's options are not the user's choice
        // A macro sees the documented defaults for the keys it omits, never what the dialog last showed.
        StageOptions d = interactive ? lastUsed(stage) : StageOptions.defaults(stage);
        GenericDialog gd = new GenericDialog("Glo-In-One: " + stage.command());
        gd.addFileField("Slide file (empty = current image)", d.slideText());
        if (stage.needsCircles()) {
            gd.addFileField("Annotations file (empty = ROI Manager)", text(d.annotations()));
        }
        gd.addDirectoryField("Output folder (empty = no files)", text(d.output()));
        gd.addStringField("Score threshold (empty = model default)", number(d.score()), 6);
        gd.addStringField("NMS-IoU (empty = model default)", number(d.nmsIou()), 6);
        gd.addNumericField("Threads", d.threads(), 0);
        gd.addChoice("Device", DEVICES, d.device().name().toLowerCase(Locale.ROOT));
        gd.addCheckbox("Tissue mask (skip empty tiles)", d.tissueMask());
        gd.addNumericField("Min-tissue fraction", d.minTissue(), 3);
        gd.addStringField("Formats (" + OutputFormat.words() + ")", OutputFormat.toList(d.formats()), 24);
        gd.addCheckbox("ROIs to ROI Manager", d.addRois());
        gd.addCheckbox("Outlines of masks as ROIs", d.outlines());
        gd.addCheckbox("Overlay on image", d.overlay());
        gd.addCheckbox("Tables", d.tables());
        gd.addHelp("https://doi.org/10.1117/1.JMI.9.5.052408");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return Optional.empty();
        }
        Optional<Path> slide = path(gd.getNextString());
        Optional<Path> annotations = stage.needsCircles() ? path(gd.getNextString()) : Optional.empty();
        Optional<Path> output = path(gd.getNextString());
        OptionalDouble score = number(StageOptions.SCORE, gd.getNextString());
        OptionalDouble nmsIou = number(StageOptions.NMS_IOU, gd.getNextString());
        double threads = gd.getNextNumber();
        String device = gd.getNextChoice();
        boolean tissue = gd.getNextBoolean();
        double minTissue = gd.getNextNumber();
        String formats = gd.getNextString();
        boolean rois = gd.getNextBoolean();
        boolean outlines = gd.getNextBoolean();
        boolean overlay = gd.getNextBoolean();
        boolean tables = gd.getNextBoolean();
        if (threads != Math.rint(threads)) {
            throw new IllegalArgumentException(StageOptions.THREADS + " must be a whole number, got " + threads);
        }
        StageOptions chosen = new StageOptions(stage, slide, annotations, output, score, nmsIou, (int) threads,
                StageOptions.device(device), tissue, minTissue, OutputFormat.parseList(formats), rois, outlines,
                overlay, tables);
        if (interactive) {
            Prefs.set(prefsKey(stage), chosen.toMacroOptions());
        }
        return Optional.of(chosen);
    }

    /** ImageJ preference holding a stage's last options from the dialog, as a macro options string. */
    static String prefsKey(Stage stage) {
        return "gloinone." + stage.name().toLowerCase(Locale.ROOT) + ".options";
    }

    /** The options last chosen in this stage's dialog, else the defaults (also when they no longer parse). */
    private static StageOptions lastUsed(Stage stage) {
        String last = Prefs.get(prefsKey(stage), null);
        if (last == null) {
            return StageOptions.defaults(stage);
        }
        try {
            return StageOptions.parse(stage, last);
        } catch (IllegalArgumentException e) {
            return StageOptions.defaults(stage);
        }
    }

    private static String text(Optional<Path> path) {
        return path.map(Path::toString).orElse("");
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }

    private static Optional<Path> path(String text) {
        String t = text.trim();
        return t.isEmpty() ? Optional.empty() : Optional.of(Path.of(t));
    }

    private static OptionalDouble number(String key, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number or empty, got '" + t + "'", e);
        }
    }
}
