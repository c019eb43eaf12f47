package org.gloinone.fiji;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

/**
 * Plugins &gt; Glo-In-One &gt; Export Results…: saves what is on screen after review into a folder: the two
 * Glo-In-One tables as CSV and the ROI Manager as a ROI set. Macro:
 * {@code run("Export Results...", "output=[/data/out] name=slide1")}.
 */
public class ExportResults implements PlugIn {

    @Override
    public void run(String arg) {
        if (GraphicsEnvironment.isHeadless()) {
            IJ.error("Export Results", "headless runs write their files directly: give output=[folder] to the run");
            return;
        }
        GenericDialog gd = new GenericDialog("Glo-In-One: Export Results");
        gd.addDirectoryField("Output folder", "");
        gd.addStringField("Name (file prefix)", "glo-in-one", 20);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Path folder = Path.of(gd.getNextString().trim());
            String name = gd.getNextString().trim();
            Files.createDirectories(folder);
            int written = 0;
            ResultsTable glomeruli = ResultsTable.getResultsTable(ImageJTables.GLOMERULI);
            if (glomeruli != null) {
                StageRunner.saveTable(glomeruli, folder.resolve(name + "_glomeruli_table.csv"));
                written++;
            }
            ResultsTable summary = ResultsTable.getResultsTable(ImageJTables.SUMMARY);
            if (summary != null) {
                StageRunner.saveTable(summary, folder.resolve(name + "_summary_table.csv"));
                written++;
            }
            RoiManager rm = RoiManager.getInstance();
            if (rm != null && rm.getCount() > 0) {
                Path zip = folder.resolve(name + "_RoiSet.zip");
                Path temp = folder.resolve("." + name + "_RoiSet.part.zip");
                if (!rm.save(temp.toString())) {
                    throw new IOException(zip.getFileName() + ": could not save the ROI set");
                }
                Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written++;
            }
            IJ.showStatus("Glo-In-One: exported " + written + " files to " + folder);
        } catch (Exception e) {
            StagePlugin.fail(Stage.ALL_IN_ONE, e);
        }
    }
}
