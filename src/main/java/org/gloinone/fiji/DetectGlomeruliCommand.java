package org.gloinone.fiji;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * Detects glomeruli (circles with scores) for scripts and headless Fiji; no menu entry (Plugins &gt; Glo-In-One &gt; Detect Glomeruli is the
 * ImageJ 1 plugin). Headless Fiji runs it from a script through {@code CommandService}.
 */
@Plugin(type = Command.class, label = "Glo-In-One: Detect Glomeruli", headless = true)
public class DetectGlomeruliCommand extends StageCommand {
    @Override
    protected Stage stage() {
        return Stage.DETECT;
    }
}
