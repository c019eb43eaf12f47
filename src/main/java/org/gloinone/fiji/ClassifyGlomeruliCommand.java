package org.gloinone.fiji;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * Classifies given glomerulus circles for scripts and headless Fiji; no menu entry (Plugins &gt; Glo-In-One &gt; Classify Glomeruli is the
 * ImageJ 1 plugin). Headless Fiji runs it from a script through {@code CommandService}.
 */
@Plugin(type = Command.class, label = "Glo-In-One: Classify Glomeruli", headless = true)
public class ClassifyGlomeruliCommand extends CircleStageCommand {
    @Override
    protected Stage stage() {
        return Stage.CLASSIFY;
    }
}
