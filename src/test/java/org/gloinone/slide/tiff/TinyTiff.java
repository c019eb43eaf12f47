package org.gloinone.slide.tiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds small classic TIFF files byte by byte, either byte order, so tests can make exactly the
 * structures (and the corruptions) they need. Tags are given explicitly; chunk offsets and byte counts
 * are filled in for the stored chunks unless the test sets them itself.
 */
final class TinyTiff {
    /** One directory: tags, stored chunks (strips or tiles) and optional SubIFDs. */
    static final class Dir {
        final Map<Integer, Object[]> tags = new TreeMap<>(); // tag -> {type, long[] or byte[]}
        final List<byte[]> chunks = new ArrayList<>();
        final List<Dir> subDirs = new ArrayList<>();
        boolean tiled;
        /** When set, the directory's "next" pointer is written as this value instead of the real next. */
        Long nextOverride;

        Dir num(int tag, int type, long... values) {
            tags.put(tag, new Object[] {type, values});
            return this;
        }

        Dir text(int tag, String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
            tags.put(tag, new Object[] {TiffType.ASCII, b});
            return this;
        }

        /** Basic tags of an 8-bit image with stored chunks; chunks are strips unless {@code tileSize > 0}. */
        static Dir image(int width, int height, int spp, int compression, int photometric, int tileSize,
                         int rowsPerStrip, List<byte[]> chunks) {
            Dir d = new Dir();
            d.num(TiffTag.IMAGE_WIDTH, TiffType.LONG, width).num(TiffTag.IMAGE_LENGTH, TiffType.LONG, height);
            long[] bits = new long[spp];
            java.util.Arrays.fill(bits, 8);
            d.num(TiffTag.BITS_PER_SAMPLE, TiffType.SHORT, bits).num(TiffTag.COMPRESSION, TiffType.SHORT, compression)
                    .num(TiffTag.PHOTOMETRIC, TiffType.SHORT, photometric)
                    .num(TiffTag.SAMPLES_PER_PIXEL, TiffType.SHORT, spp);
            if (tileSize > 0) {
                d.tiled = true;
                d.num(TiffTag.TILE_WIDTH, TiffType.SHORT, tileSize).num(TiffTag.TILE_LENGTH, TiffType.SHORT, tileSize);
            } else {
                d.num(TiffTag.ROWS_PER_STRIP, TiffType.LONG, rowsPerStrip);
            }
            d.chunks.addAll(chunks);
            return d;
        }
    }

    private TinyTiff() {
    }

    /** The bytes of a classic TIFF with the given top-level directories. */
    static byte[] build(ByteOrder order, List<Dir> dirs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
        out.write(order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
        out.writeBytes(buffer(order, 6).putShort((short) 42).putInt(0).array());
        List<Dir> all = new ArrayList<>();
        for (Dir d : dirs) {
            all.add(d);
            all.addAll(d.subDirs);
        }
        for (Dir d : all) {
            if (d.chunks.isEmpty()) {
                continue;
            }
            long[] offsets = new long[d.chunks.size()];
            long[] counts = new long[d.chunks.size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = out.size();
                counts[i] = d.chunks.get(i).length;
                out.writeBytes(d.chunks.get(i));
                if (out.size() % 2 == 1) {
                    out.write(0);
                }
            }
            int offTag = d.tiled ? TiffTag.TILE_OFFSETS : TiffTag.STRIP_OFFSETS;
            int countTag = d.tiled ? TiffTag.TILE_BYTE_COUNTS : TiffTag.STRIP_BYTE_COUNTS;
            d.tags.putIfAbsent(offTag, new Object[] {TiffType.LONG, offsets});
            d.tags.putIfAbsent(countTag, new Object[] {TiffType.LONG, counts});
        }
        // Directories: first the SubIFDs of each top-level directory, so their offsets are known.
        byte[] file = out.toByteArray();
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.writeBytes(file);
        Map<Dir, Long> positions = new java.util.HashMap<>();
        for (Dir d : dirs) {
            if (!d.subDirs.isEmpty()) {
                long[] subOffsets = new long[d.subDirs.size()];
                for (int i = 0; i < subOffsets.length; i++) {
                    subOffsets[i] = result.size();
                    result.writeBytes(directory(order, d.subDirs.get(i), result.size(), 0));
                }
                d.num(TiffTag.SUB_IFDS, TiffType.LONG, subOffsets);
            }
        }
        long[] at = new long[dirs.size()];
        long pos = result.size();
        for (int i = 0; i < dirs.size(); i++) {
            at[i] = pos;
            pos += directory(order, dirs.get(i), pos, 0).length;
        }
        for (int i = 0; i < dirs.size(); i++) {
            Dir d = dirs.get(i);
            long next = d.nextOverride != null ? d.nextOverride : i + 1 < dirs.size() ? at[i + 1] : 0;
            result.writeBytes(directory(order, d, at[i], next));
            positions.put(d, at[i]);
        }
        byte[] bytes = result.toByteArray();
        ByteBuffer.wrap(bytes).order(order).putInt(4, (int) at[0]);
        return bytes;
    }

    private static byte[] directory(ByteOrder order, Dir d, long position, long next) {
        int n = d.tags.size();
        long overflow = position + 2 + 12L * n + 4;
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        ByteBuffer b = buffer(order, 2 + 12 * n + 4);
        b.putShort((short) n);
        for (Map.Entry<Integer, Object[]> e : d.tags.entrySet()) {
            int type = (Integer) e.getValue()[0];
            byte[] value;
            long count;
            if (e.getValue()[1] instanceof byte[] raw) {
                value = raw;
                count = raw.length;
            } else {
                long[] v = (long[]) e.getValue()[1];
                count = v.length;
                ByteBuffer vb = buffer(order, v.length * TiffType.size(type));
                for (long x : v) {
                    if (type == TiffType.SHORT) {
                        vb.putShort((short) x);
                    } else if (type == TiffType.RATIONAL) {
                        vb.putInt((int) x).putInt(1);
                    } else {
                        vb.putInt((int) x);
                    }
                }
                value = vb.array();
            }
            b.putShort((short) (int) e.getKey()).putShort((short) type).putInt((int) count);
            if (value.length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(value, 0, inline, 0, value.length);
                b.put(inline);
            } else {
                b.putInt((int) (overflow + extra.size()));
                extra.writeBytes(value);
                if (extra.size() % 2 == 1) {
                    extra.write(0);
                }
            }
        }
        b.putInt((int) next);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(b.array());
        all.writeBytes(extra.toByteArray());
        return all.toByteArray();
    }

    private static ByteBuffer buffer(ByteOrder order, int n) {
        return ByteBuffer.allocate(n).order(order);
    }
}
