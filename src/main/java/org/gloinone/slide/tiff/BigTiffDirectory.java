package org.gloinone.slide.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One little-endian BigTIFF image directory being written: entries sorted by tag (as TIFF requires),
 * values longer than 8 bytes placed right after the entry table.
 */
final class BigTiffDirectory {
    private record Entry(int type, long count, byte[] value) {
    }

    private final Map<Integer, Entry> entries = new TreeMap<>();

    BigTiffDirectory shorts(int tag, int... values) {
        ByteBuffer b = buffer(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        entries.put(tag, new Entry(TiffType.SHORT, values.length, b.array()));
        return this;
    }

    BigTiffDirectory longs(int tag, long... values) {
        ByteBuffer b = buffer(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        entries.put(tag, new Entry(TiffType.LONG, values.length, b.array()));
        return this;
    }

    BigTiffDirectory long8s(int tag, long[] values) {
        ByteBuffer b = buffer(values.length * 8);
        for (long v : values) {
            b.putLong(v);
        }
        entries.put(tag, new Entry(TiffType.LONG8, values.length, b.array()));
        return this;
    }

    /** A RATIONAL as exact as an unsigned 32-bit numerator allows. */
    BigTiffDirectory rational(int tag, double value) {
        long denominator = 1_000_000;
        while (denominator > 1 && value * denominator > 0xffffffffL) {
            denominator /= 10;
        }
        long numerator = Math.min(0xffffffffL, Math.round(value * denominator));
        ByteBuffer b = buffer(8);
        b.putInt((int) numerator).putInt((int) denominator);
        entries.put(tag, new Entry(TiffType.RATIONAL, 1, b.array()));
        return this;
    }

    BigTiffDirectory ascii(int tag, String text) {
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        entries.put(tag, new Entry(TiffType.ASCII, z.length, z));
        return this;
    }

    /** Bytes the directory occupies, a multiple of 8. */
    long size() {
        long size = 8 + 20L * entries.size() + 8;
        for (Entry e : entries.values()) {
            if (e.value.length > 8) {
                size += align(e.value.length);
            }
        }
        return size;
    }

    /** The directory's bytes when written at {@code position}, pointing to the next directory. */
    ByteBuffer toBytes(long position, long next) {
        ByteBuffer b = buffer((int) size());
        b.putLong(entries.size());
        long overflow = position + 8 + 20L * entries.size() + 8;
        int overflowAt = (int) (overflow - position);
        for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            b.putShort((short) (int) me.getKey()).putShort((short) e.type).putLong(e.count);
            if (e.value.length <= 8) {
                byte[] inline = new byte[8];
                System.arraycopy(e.value, 0, inline, 0, e.value.length);
                b.put(inline);
            } else {
                b.putLong(overflow);
                b.put(overflowAt, e.value);
                overflow += align(e.value.length);
                overflowAt += align(e.value.length);
            }
        }
        b.putLong(next);
        b.position(0);
        return b;
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    private static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
