package org.gloinone.fiji;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * Segments given glomerulus circles for scripts and headless Fiji; no menu entry (Plugins &gt; Glo-In-One &gt; Segment Glomeruli is the
 * ImageJ 1 plugin). Headless Fiji runs it from a script through {@code CommandService}.
 */
@Plugin(type = Command.class, label = "Glo-In-One: Segment Glomeruli", headless = true)
public class SegmentGlomeruliCommand extends CircleStageCommand {
    @Override
    protected Stage stage() {
        return Stage.SEGMENT;
    }
}
