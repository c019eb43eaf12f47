package org.gloinone.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gloinone.progress.CancellationToken;

/**
 * Reads network inputs on a background thread, in order, into a small bounded queue, so that slide
 * reading and resampling hide behind the network while memory stays at {@code capacity} inputs
 * whatever the number of items. Close it (try-with-resources) to stop the reader: when {@link #close()} returns,
 * the reader thread has ended, so the caller may close the slide it reads.
 *
 * @param <T> what an input is read for (a tile, a circle)
 */
public final class Prefetcher<T> implements AutoCloseable {
    private static final long POLL_MILLIS = 50;

    /** Reads the network input of one item. */
    @FunctionalInterface
    public interface InputReader<T> {
        /** The preprocessed input floats of {@code item}. */
        float[] read(T item) throws IOException;
    }

    /**
     * One read item.
     *
     * @param item  the item
     * @param input its network input
     */
    public record Prepared<T>(T item, float[] input) {
    }

    /** Queue entry: an item, the end, or the failure that stopped the reader. */
    private record Entry<T>(Prepared<T> prepared, Exception failure, boolean end) {
    }

    private final BlockingQueue<Entry<T>> queue;
    private final Thread reader;
    private final CancellationToken cancel;
    private final AtomicLong readNanos = new AtomicLong();
    private volatile boolean closed;
    private boolean ended;

    /**
     * Starts reading {@code items} at once.
     *
     * @param items      what to read, in order
     * @param inputs     reads one item
     * @param capacity   inputs held at most, at least 1
     * @param cancel     stops the reader too
     * @param threadName name of the reader thread
     */
    public Prefetcher(List<T> items, InputReader<T> inputs, int capacity, CancellationToken cancel, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("prefetch capacity must be >= 1, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.cancel = cancel;
        List<T> todo = List.copyOf(items);
        this.reader = new Thread(() -> readAll(todo, inputs), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(List<T> items, InputReader<T> inputs) {
        try {
            for (T item : items) {
                if (closed || cancel.isCancelled()) {
                    return; // the consumer checks the same token and stops
                }
                long t0 = System.nanoTime();
                float[] input = inputs.read(item);
                readNanos.addAndGet(System.nanoTime() - t0);
                queue.put(new Entry<>(new Prepared<>(item, input), null, false));
            }
            queue.put(new Entry<>(null, null, true));
        } catch (IOException | RuntimeException e) {
            try {
                queue.put(new Entry<>(null, e, true));
            } catch (InterruptedException closing) {
                // closed: nobody reads the failure
            }
        } catch (InterruptedException closing) {
            // closed while handing over an input
        }
    }

    /**
     * The next up to {@code n} inputs in order; empty once all are read.
     *
     * @throws IOException           if reading failed
     * @throws CancellationException if cancelled by the token or by interrupting this thread
     */
    public List<Prepared<T>> nextBatch(int n) throws IOException {
        List<Prepared<T>> batch = new ArrayList<>(n);
        while (batch.size() < n && !ended) {
            Entry<T> e = take();
            if (e.failure() != null) {
                ended = true;
                if (e.failure() instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e.failure();
            }
            if (e.end()) {
                ended = true;
            } else {
                batch.add(e.prepared());
            }
        }
        return batch;
    }

    private Entry<T> take() {
        try {
            while (true) {
                cancel.throwIfCancelled();
                Entry<T> e = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (e != null) {
                    return e;
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for input");
        }
    }

    /** Time the reader thread spent reading, in nanoseconds. */
    public long readNanos() {
        return readNanos.get();
    }

    /**
     * Stops the reader thread (interrupting a blocked hand-over), drops what it read ahead, and waits until the
     * thread has ended: at most the read of the item in progress. An interrupt of the calling thread during the
     * wait is kept for the caller.
     */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        queue.clear();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
