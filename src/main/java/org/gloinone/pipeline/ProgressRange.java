package org.gloinone.pipeline;

import org.gloinone.progress.ProgressListener;

/** Maps a stage's own 0-1 progress onto its share of the whole run. */
final class ProgressRange implements ProgressListener {
    private final ProgressListener whole;
    private final double from;
    private final double to;

    ProgressRange(ProgressListener whole, double from, double to) {
        this.whole = whole;
        this.from = from;
        this.to = to;
    }

    @Override
    public void progress(double fraction, String message) {
        whole.progress(from + (to - from) * Math.max(0, Math.min(1, fraction)), message);
    }
}
