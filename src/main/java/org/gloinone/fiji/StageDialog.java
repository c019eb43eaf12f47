package org.gloinone.fiji;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

import ij.Macro;
import ij.gui.GenericDialog;

/**
 * The dialog of the four run commands. It only shows the fields and reads them into a {@link StageOptions},
 * which validates them. Field labels start with the macro key, so ImageJ records
 * {@code run("All-in-One", "slide=[...] output=[...] score=0.30 ...")} and replays it without a dialog.
 * Headless there is no dialog: the macro options are parsed directly, with the same keys.
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
        StageOptions d = StageOptions.defaults(stage);
        GenericDialog gd = new GenericDialog("Glo-In-One: " + stage.command());
        gd.addFileField("Slide file (empty = current image)", "");
        if (stage.needsCircles()) {
            gd.addFileField("Annotations file (empty = ROI Manager)", "");
        }
        gd.addDirectoryField("Output folder (empty = no files)", "");
        gd.addStringField("Score threshold (empty = model default)", "", 6);
        gd.addStringField("NMS-IoU (empty = model default)", "", 6);
        gd.addNumericField("Threads", d.threads(), 0);
        gd.addChoice("Device", DEVICES, "auto");
        gd.addCheckbox("Tissue mask (skip empty tiles)", d.tissueMask());
        gd.addNumericField("Min-tissue fraction", d.minTissue(), 3);
        gd.addStringField("Formats (xml, geojson, csv, roiset)", ResultFormat.toList(d.formats()), 24);
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
        return Optional.of(new StageOptions(stage, slide, annotations, output, score, nmsIou, (int) threads,
                StageOptions.device(device), tissue, minTissue, ResultFormat.parseList(formats), rois, outlines,
                overlay, tables));
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
