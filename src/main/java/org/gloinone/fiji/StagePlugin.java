package org.gloinone.fiji;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

import org.gloinone.progress.CancellationToken;

/**
 * Plugins &gt; Glo-In-One &gt; Detect Glomeruli, Classify Glomeruli, Segment Glomeruli and All-in-One: the
 * plugin argument in {@code plugins.config} names the stage. Asks for the options, runs the stage through the
 * {@link GloInOneService}, then shows the results (GUI) or leaves them in files (headless).
 */
public class StagePlugin implements PlugIn {

    @Override
    public void run(String arg) {
        Stage stage = Stage.parse(arg);
        boolean headless = GraphicsEnvironment.isHeadless();
        try {
            Optional<StageOptions> asked = StageDialog.ask(stage, headless);
            if (asked.isEmpty()) {
                return;
            }
            StageOptions options = asked.get();
            if (headless && options.output().isEmpty()) {
                throw new IllegalArgumentException("headless runs write their results to files: give output=[folder]");
            }
            GloInOneService service = GloInOneServices.load();
            Optional<ImagePlus> image = Optional.ofNullable(WindowManager.getCurrentImage());
            RoiManager roiManager = headless ? null
                    : stage.needsCircles() || options.addRois() ? GuiResults.roiManager() : null;
            List<Roi> rois = roiManager == null ? List.of() : selectedOrAll(roiManager);
            int highestIssued = roiManager == null ? 0
                    : RoiReview.highestIssued(Arrays.asList(roiManager.getRoisAsArray()), image);
            CancellationToken cancel = new CancellationToken();
            StageOutcome outcome = new StageRunner(service).run(options, image, rois, highestIssued,
                    ImageJProgress.forImageJ(cancel, headless), cancel);
            outcome.skipped().forEach(s -> IJ.log("Glo-In-One: skipped ROI " + s));
            if (!headless) {
                new GuiResults(service).show(outcome, options, roiManager, image);
            }
            outcome.files().forEach(f -> IJ.log("Glo-In-One: wrote " + f));
            IJ.showStatus(stage.command() + ": " + outcome.result().glomeruli().size() + " glomeruli");
            IJ.showProgress(1.0);
        } catch (CancellationException e) {
            IJ.showStatus(stage.command() + ": cancelled");
            IJ.showProgress(1.0);
        } catch (Exception e) {
            fail(stage, e);
        } catch (LinkageError e) {
            // A library missing from the install: ImageJ would swallow the error and the macro would go on.
            fail(stage, new IllegalStateException("Glo-In-One is not installed completely (" + e.getMessage()
                    + " is missing): install the Glo-In-One update site or unpack the release zip again", e));
        }
    }

    /** The ROI Manager's selected ROIs, or all of them when none is selected (ImageJ's usual rule). */
    static List<Roi> selectedOrAll(RoiManager roiManager) {
        Roi[] selected = roiManager.getSelectedRoisAsArray();
        return Arrays.asList(selected.length > 0 ? selected : roiManager.getRoisAsArray());
    }

    /** Reports the problem and stops a running macro, so a batch does not go on with missing results. */
    static void fail(Stage stage, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        IJ.error("Glo-In-One: " + stage.command(), message);
        if (Macro.getOptions() != null || IJ.isMacro()) {
            Macro.abort();
        }
    }
}
