package org.gloinone.slide.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private final FileChannel channel;
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
        long position = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new SlideException(path, what + ": unexpected end of file at offset " + position);
            }
            position += n;
        }
        return buffer.flip();
    }

    SlideException error(String problem) {
        return new SlideException(path, problem);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
