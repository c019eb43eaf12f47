package org.gloinone.progress;

/**
 * Receives progress from long-running work. Each front door has one: a terminal bar, Fiji's
 * status bar, or {@link #SILENT} for tests. Called from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param fraction how much of the whole job is done, 0 to 1
     * @param message  what is happening now, e.g. "detect: tile 12/340"
     */
    void progress(double fraction, String message);

    /** A listener that ignores everything. */
    ProgressListener SILENT = (fraction, message) -> { };
}
