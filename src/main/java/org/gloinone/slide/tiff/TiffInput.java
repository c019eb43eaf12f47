package org.gloinone.slide.tiff;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.gloinone.slide.SlideException;

/**
 * Positional, bounds-checked reads from one TIFF file. Positional reads on a {@link FileChannel} share
 * no file pointer, so any number of threads may read at once.
 */
final class TiffInput implements AutoCloseable {
    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;
    private final long size;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;
    private boolean bigTiff;

    TiffInput(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    ByteOrder order() {
        return order;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    void setLayout(ByteOrder order, boolean bigTiff) {
        this.order = order;
        this.bigTiff = bigTiff;
    }

    /** Reads exactly {@code length} bytes at {@code offset}, or fails naming what was being read. */
    ByteBuffer read(long offset, int length, String what) throws IOException {
        if (offset < 0 || length < 0 || offset > size || size - offset < length) {
            throw new SlideException(path, what + " lies past the end of the file (offset " + offset + ", "
                    + length + " bytes, file size " + size + "); the file is truncated or corrupt");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            long position = offset + buffer.position();
            FileChannel c = channel;
            int n;
            try {
                n = c.read(buffer, position);
            } catch (ClosedChannelException e) {
                if (closed) {
                    throw new SlideException(path, "the slide is closed");
                }
                // An interrupt of any reading thread closes a FileChannel for every thread: reopen it,
                // so that cancelling one read does not break the slide for the others.
                reopen(c);
                if (e instanceof ClosedByInterruptException) {
                    throw new InterruptedIOException(path.getFileName() + ": reading " + what + " was interrupted");
                }
                continue;
            }
            if (n < 0) {
                throw new SlideException(path, what + ": unexpected end of file at offset " + position);
            }
        }
        return buffer.flip();
    }

    private synchronized void reopen(FileChannel failed) throws IOException {
        if (channel == failed && !closed) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
    }

    SlideException error(String problem) {
        return new SlideException(path, problem);
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
