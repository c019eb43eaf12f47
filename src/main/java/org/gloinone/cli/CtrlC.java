package org.gloinone.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gloinone.progress.CancellationToken;

/**
 * Turns Ctrl-C (SIGINT) into a cancellation: the shutdown hook cancels the token and waits until the
 * running slide has removed its partial output, so only complete slide folders remain.
 */
final class CtrlC implements AutoCloseable {
    /** How long the hook waits for the clean-up before the JVM goes down regardless. */
    private static final long CLEANUP_SECONDS = 60;

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CtrlC() {
        hook = new Thread(this::onShutdown, "glo-in-one-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancellationToken token() {
        return token;
    }

    private void onShutdown() {
        token.cancel();
        try {
            finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running and has just been released by the count-down above.
        }
    }
}
