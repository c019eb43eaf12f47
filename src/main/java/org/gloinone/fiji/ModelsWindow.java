package org.gloinone.fiji;

import java.awt.GraphicsEnvironment;
import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.gloinone.pipeline.ModelInfo;

/**
 * Plugins &gt; Glo-In-One &gt; Models…: lists the installed default models (task, name, version, sha256 of the
 * weights) in the table {@value #TITLE}; headless, the same lines go to the log.
 */
public class ModelsWindow implements PlugIn {
    /** Title of the models table. */
    public static final String TITLE = "Glo-In-One Models";

    @Override
    public void run(String arg) {
        try {
            ResultsTable table = new ResultsTable();
            for (ModelInfo m : GloInOneServices.load().installedModels()) {
                table.incrementCounter();
                table.addValue("Task", m.task());
                table.addValue("Name", m.name());
                table.addValue("Version", m.version());
                table.addValue("SHA256", m.sha256());
                IJ.log("Glo-In-One model: " + m.task() + " " + m.name() + " " + m.version() + " " + m.sha256());
            }
            if (!GraphicsEnvironment.isHeadless()) {
                table.show(TITLE);
            }
        } catch (Exception e) {
            StagePlugin.fail(Stage.ALL_IN_ONE, e);
        }
    }
}
