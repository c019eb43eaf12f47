package org.gloinone.progress;

import java.util.concurrent.CancellationException;

/**
 * Lets a front door stop a running job. Loops call {@link #throwIfCancelled()}, which also
 * honours the current thread's interrupt flag.
 */
public final class CancellationToken {
    private volatile boolean cancelled;

    /** Asks the job to stop at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /** True once {@link #cancel()} was called or the current thread was interrupted. */
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** @throws CancellationException if the job should stop */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
