package org.gloinone.spark;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under another scheme ({@code elsewhere:///tmp/x.tif}), as a cluster's file system looks to a
 * Spark task: its files are not local paths, so a slide on it is fetched. It counts the bytes read of each file,
 * so tests see what was fetched. Registered in {@code META-INF/services}, as Hadoop finds file systems.
 */
public final class ElsewhereFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "elsewhere";
    private static final URI ROOT = URI.create(SCHEME + ":///");
    private static final Map<String, AtomicLong> BYTES_READ = new ConcurrentHashMap<>();

    /** The URI of a local file on this file system. */
    static String uri(java.nio.file.Path file) {
        return SCHEME + "://" + file.toAbsolutePath().toUri().getPath();
    }

    /** Bytes read so far from {@code file} through this file system. */
    static long bytesRead(java.nio.file.Path file) {
        AtomicLong n = BYTES_READ.get(file.toAbsolutePath().toUri().getPath());
        return n == null ? 0 : n.get();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        AtomicLong counter = BYTES_READ.computeIfAbsent(f.toUri().getPath(), k -> new AtomicLong());
        return new FSDataInputStream(new Counting(super.open(f, bufferSize), counter));
    }

    /** A stream that adds what it reads to a counter. */
    private static final class Counting extends FSInputStream {
        private final FSDataInputStream in;
        private final AtomicLong counter;

        Counting(FSDataInputStream in, AtomicLong counter) {
            this.in = in;
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }

        @Override
        public void seek(long pos) throws IOException {
            in.seek(pos);
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
