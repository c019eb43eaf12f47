package org.gloinone.fiji;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * Detects, classifies and segments glomeruli for scripts and headless Fiji; no menu entry (Plugins &gt; Glo-In-One &gt; All-in-One is the
 * ImageJ 1 plugin). Headless Fiji runs it from a script through {@code CommandService}.
 */
@Plugin(type = Command.class, label = "Glo-In-One: All-in-One", headless = true)
public class AllInOneCommand extends StageCommand {
    @Override
    protected Stage stage() {
        return Stage.ALL_IN_ONE;
    }
}
