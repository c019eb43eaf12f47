package org.gloinone.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.gloinone.progress.ProgressListener;

/**
 * Shows progress of one slide: a redrawn bar with percentage and ETA on a terminal, or plain log
 * lines (at most one per 10 % or per change of stage) when output goes to a file or pipe.
 */
final class TerminalProgress implements ProgressListener {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final String slideName;
    private final boolean interactive;
    private final LongSupplier clock;
    private final long startNanos;
    private int lastLoggedDecile = -1;
    private String lastStage = "";

    TerminalProgress(PrintStream out, String slideName, boolean interactive, LongSupplier nanoClock) {
        this.out = out;
        this.slideName = slideName;
        this.interactive = interactive;
        this.clock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** Progress for {@code slideName} on standard error, interactive when a console is attached. */
    static TerminalProgress forConsole(String slideName) {
        return new TerminalProgress(System.err, slideName, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        double f = Math.max(0, Math.min(1, fraction));
        if (interactive) {
            int filled = (int) Math.round(f * BAR_WIDTH);
            out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %-40s %s", slideName, "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), Math.round(f * 100), clip(message), eta(f)));
            out.flush();
            return;
        }
        String stage = stageOf(message);
        int decile = (int) Math.floor(f * 10);
        if (decile != lastLoggedDecile || !stage.equals(lastStage)) {
            lastLoggedDecile = decile;
            lastStage = stage;
            out.println(String.format(Locale.ROOT, "%s: %3d%% %s %s", slideName, Math.round(f * 100), message,
                    eta(f)).stripTrailing());
        }
    }

    /** Ends the bar's line on a terminal. */
    synchronized void finish() {
        if (interactive) {
            out.println();
        }
    }

    private String eta(double fraction) {
        if (fraction <= 0.02 || fraction >= 1) {
            return "";
        }
        double elapsed = (clock.getAsLong() - startNanos) / 1e9;
        return "ETA " + formatDuration(Duration.ofSeconds(Math.round(elapsed * (1 - fraction) / fraction)));
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }

    private static String stageOf(String message) {
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }

    private static String clip(String message) {
        return message.length() <= 40 ? message : message.substring(0, 39) + "…";
    }
}
