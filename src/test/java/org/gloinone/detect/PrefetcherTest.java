package org.gloinone.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.gloinone.progress.CancellationToken;
import org.junit.jupiter.api.Test;

class PrefetcherTest {

    @Test
    void deliversEveryItemInOrderInBatches() throws IOException {
        List<Integer> items = IntStream.range(0, 23).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (Prefetcher<Integer> p = new Prefetcher<>(items, i -> new float[] {i * 2f}, 3, new CancellationToken(), "test reader")) {
            for (List<Prefetcher.Prepared<Integer>> b = p.nextBatch(5); !b.isEmpty(); b = p.nextBatch(5)) {
                sizes.add(b.size());
                for (Prefetcher.Prepared<Integer> x : b) {
                    seen.add(x.item());
                    assertEquals(x.item() * 2f, x.input()[0]);
                }
            }
        }
        assertEquals(items, seen);
        assertEquals(List.of(5, 5, 5, 5, 3), sizes);
    }

    @Test
    void aReadFailureReachesTheConsumerAfterTheItemsBeforeIt() throws IOException {
        try (Prefetcher<Integer> p = new Prefetcher<>(List.of(0, 1, 2, 3), i -> {
            if (i == 2) {
                throw new IOException("slide.svs: tile 2 is corrupt");
            }
            return new float[1];
        }, 8, new CancellationToken(), "test reader")) {
            assertEquals(2, p.nextBatch(2).size());
            IOException e = assertThrows(IOException.class, () -> p.nextBatch(2));
            assertTrue(e.getMessage().contains("tile 2"));
        }
    }

    @Test
    void aCancelledTokenStopsTheConsumer() {
        CancellationToken token = new CancellationToken();
        try (Prefetcher<Integer> p = new Prefetcher<>(List.of(0, 1, 2), i -> new float[1], 1, token, "test reader")) {
            token.cancel();
            assertThrows(CancellationException.class, () -> p.nextBatch(1));
        }
    }

    @Test
    void closeReturnsOnceTheReaderThreadHasEnded() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        AtomicBoolean firstReadFinished = new AtomicBoolean();
        AtomicInteger laterReads = new AtomicInteger();
        Prefetcher<Integer> p = new Prefetcher<>(List.of(0, 1, 2, 3), i -> {
            if (i > 0) {
                laterReads.incrementAndGet();
                return new float[1];
            }
            readerThread.set(Thread.currentThread());
            reading.countDown();
            // a read that does not stop when interrupted (as a native slide read): it ends once close() has begun
            while (!Thread.interrupted()) {
                LockSupport.park();
            }
            firstReadFinished.set(true);
            return new float[1];
        }, 8, new CancellationToken(), "test reader");
        reading.await();
        p.close();
        assertTrue(firstReadFinished.get(), "close waited for the read in progress");
        assertFalse(readerThread.get().isAlive(), "the reader thread has ended");
        assertEquals(0, laterReads.get(), "no read started after close");
    }
}
