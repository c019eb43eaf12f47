package org.gloinone.fiji;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import ij.IJ;

import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;

/**
 * Bridges the pipeline to ImageJ: shows progress in the status line and progress bar, and turns a press of
 * Esc into a cancellation. Esc is polled on each progress report, which the pipeline sends per tile.
 */
public final class ImageJProgress implements ProgressListener {
    private final CancellationToken cancel;
    private final BooleanSupplier escapePressed;
    private final ProgressListener display;

    /**
     * @param cancel        cancelled when Esc is seen
     * @param escapePressed whether the user pressed Esc
     * @param display       where progress is shown
     */
    public ImageJProgress(CancellationToken cancel, BooleanSupplier escapePressed, ProgressListener display) {
        this.cancel = Objects.requireNonNull(cancel, "cancel");
        this.escapePressed = Objects.requireNonNull(escapePressed, "escapePressed");
        this.display = Objects.requireNonNull(display, "display");
    }

    /**
     * ImageJ's status line and progress bar, and its Esc flag (reset first, so an old Esc does not cancel).
     * Headless, progress goes to the log in steps of 10 %.
     */
    public static ImageJProgress forImageJ(CancellationToken cancel, boolean headless) {
        IJ.resetEscape();
        ProgressListener display = headless ? new TenPercentLog() : (fraction, message) -> {
            IJ.showStatus(message);
            IJ.showProgress(fraction);
        };
        return new ImageJProgress(cancel, IJ::escapePressed, display);
    }

    @Override
    public void progress(double fraction, String message) {
        if (escapePressed.getAsBoolean()) {
            cancel.cancel();
        }
        display.progress(fraction, message);
    }

    /** Logs a line each time progress passes another tenth. */
    static final class TenPercentLog implements ProgressListener {
        private int lastTenth = -1;

        @Override
        public synchronized void progress(double fraction, String message) {
            int tenth = (int) Math.floor(fraction * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                IJ.log(Math.round(fraction * 100) + "% " + message);
            }
        }
    }
}
