package org.gloinone.detect;

import ij.IJ;
import ij.WindowManager;

import org.gloinone.cli.GloInOne;
import org.gloinone.pipeline.Pipeline;

/** A stage class that breaks the layers on purpose, for {@code ArchitectureTest}; never used. */
final class ForbiddenReferenceSample {
    private ForbiddenReferenceSample() {
    }

    static String everythingItMustNotReference(Pipeline pipeline) {
        IJ.log("a core class must not log to ImageJ's window");
        return WindowManager.getImageTitles().length + " " + GloInOne.class.getName() + pipeline;
    }
}
