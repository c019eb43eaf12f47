package org.gloinone.slide.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the header and the directory chain of a classic or BigTIFF file once, with hard bounds:
 * a directory loop, an offset past the end, an absurd entry or value count each fail fast with a
 * message naming the file, and no allocation exceeds what the file itself can hold.
 */
final class TiffParser {
    /** More directories than any real slide has (SVS: ~6; OME-TIFF: one per plane); guards loops. */
    private static final int MAX_DIRECTORIES = 100_000;
    private static final int MAX_ENTRIES = 4096;
    /** Values of one tag; a 256 px tiled image of 2^20 x 2^20 px has 2^24 tiles. */
    private static final long MAX_VALUES = 1L << 26;
    private static final long MAX_TEXT = 64L << 20;

    private final TiffInput in;
    private final Set<Long> visited = new HashSet<>();

    private TiffParser(TiffInput in) {
        this.in = in;
    }

    /** Parses the header and every top-level directory (with their SubIFDs), in file order. */
    static List<TiffDirectory> parse(TiffInput in) throws IOException {
        return new TiffParser(in).parseAll();
    }

    /** Whether the first bytes are a TIFF or BigTIFF header, either byte order. */
    static boolean isTiffHeader(byte[] h) {
        if (h.length < 4) {
            return false;
        }
        boolean little = h[0] == 'I' && h[1] == 'I';
        boolean big = h[0] == 'M' && h[1] == 'M';
        if (!little && !big) {
            return false;
        }
        int version = little ? (h[2] & 0xff) | (h[3] & 0xff) << 8 : (h[2] & 0xff) << 8 | (h[3] & 0xff);
        return version == 42 || version == 43;
    }

    private List<TiffDirectory> parseAll() throws IOException {
        if (in.size() < 8) {
            throw in.error(in.size() == 0 ? "the file is empty" : "the file is too short to be a TIFF ("
                    + in.size() + " bytes)");
        }
        ByteBuffer head = in.read(0, (int) Math.min(16, in.size()), "TIFF header");
        byte[] h = new byte[head.remaining()];
        head.get(h);
        if (!isTiffHeader(h)) {
            throw in.error("not a TIFF file (wrong magic bytes " + hex(h, 4) + ")");
        }
        ByteOrder order = h[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(h).order(order);
        boolean big = b.getShort(2) == 43;
        in.setLayout(order, big);
        long first;
        if (big) {
            if (h.length < 16 || b.getShort(4) != 8 || b.getShort(6) != 0) {
                throw in.error("BigTIFF header is corrupt (offset size must be 8)");
            }
            first = b.getLong(8);
        } else {
            first = b.getInt(4) & 0xffffffffL;
        }
        List<TiffDirectory> directories = new ArrayList<>();
        long next = first;
        while (next != 0) {
            if (directories.size() >= MAX_DIRECTORIES) {
                throw in.error("more than " + MAX_DIRECTORIES + " image directories; the file is corrupt");
            }
            long[] nextOut = new long[1];
            TiffDirectory d = readDirectory(next, nextOut, directories.size());
            List<TiffDirectory> subs = new ArrayList<>();
            long[] subOffsets = d.numbers(TiffTag.SUB_IFDS);
            if (subOffsets != null) {
                for (long sub : subOffsets) {
                    subs.add(readDirectory(sub, new long[1], directories.size()));
                }
            }
            d.setSubDirectories(subs);
            directories.add(d);
            next = nextOut[0];
        }
        if (directories.isEmpty()) {
            throw in.error("the TIFF has no image directory");
        }
        return directories;
    }

    private TiffDirectory readDirectory(long offset, long[] next, int index) throws IOException {
        if (offset < 8 || offset >= in.size()) {
            throw in.error("image directory " + index + " offset " + offset + " lies past the end of the file (size "
                    + in.size() + "); the file is truncated or corrupt");
        }
        if (!visited.add(offset)) {
            throw in.error("image directory offset " + offset + " repeats: the directory chain loops; the file is corrupt");
        }
        boolean big = in.bigTiff();
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        ByteBuffer cb = in.read(offset, countSize, "image directory " + index);
        long count = big ? cb.getLong() : cb.getShort() & 0xffff;
        if (count < 0 || count > MAX_ENTRIES) {
            throw in.error("image directory " + index + " claims " + count + " entries; the file is corrupt");
        }
        ByteBuffer entries = in.read(offset + countSize, (int) count * entrySize + (big ? 8 : 4),
                "image directory " + index);
        TiffDirectory d = new TiffDirectory(offset);
        for (int i = 0; i < count; i++) {
            int pos = i * entrySize;
            int tag = entries.getShort(pos) & 0xffff;
            int type = entries.getShort(pos + 2) & 0xffff;
            long n = big ? entries.getLong(pos + 4) : entries.getInt(pos + 4) & 0xffffffffL;
            int valuePos = pos + (big ? 12 : 8);
            if (isWanted(tag)) {
                readField(d, tag, type, n, entries, valuePos, index);
            }
        }
        int nextPos = (int) count * entrySize;
        next[0] = big ? entries.getLong(nextPos) : entries.getInt(nextPos) & 0xffffffffL;
        return d;
    }

    private static boolean isWanted(int tag) {
        switch (tag) {
            case TiffTag.NEW_SUBFILE_TYPE: case TiffTag.IMAGE_WIDTH: case TiffTag.IMAGE_LENGTH:
            case TiffTag.BITS_PER_SAMPLE: case TiffTag.COMPRESSION: case TiffTag.PHOTOMETRIC:
            case TiffTag.IMAGE_DESCRIPTION: case TiffTag.STRIP_OFFSETS: case TiffTag.SAMPLES_PER_PIXEL:
            case TiffTag.ROWS_PER_STRIP: case TiffTag.STRIP_BYTE_COUNTS: case TiffTag.X_RESOLUTION:
            case TiffTag.Y_RESOLUTION: case TiffTag.PLANAR_CONFIGURATION: case TiffTag.RESOLUTION_UNIT:
            case TiffTag.PREDICTOR: case TiffTag.TILE_WIDTH: case TiffTag.TILE_LENGTH:
            case TiffTag.TILE_OFFSETS: case TiffTag.TILE_BYTE_COUNTS: case TiffTag.SUB_IFDS:
            case TiffTag.SAMPLE_FORMAT: case TiffTag.JPEG_TABLES: case TiffTag.YCBCR_SUBSAMPLING:
                return true;
            default:
                return false;
        }
    }

    private void readField(TiffDirectory d, int tag, int type, long n, ByteBuffer entries, int valuePos, int index)
            throws IOException {
        int size = TiffType.size(type);
        if (size == 0) {
            throw in.error("tag " + tag + " of image directory " + index + " has unknown type " + type);
        }
        boolean text = type == TiffType.ASCII || type == TiffType.UNDEFINED || type == TiffType.BYTE
                && (tag == TiffTag.IMAGE_DESCRIPTION || tag == TiffTag.JPEG_TABLES);
        if (n < 0 || n > (text ? MAX_TEXT : MAX_VALUES) || n * size > in.size()) {
            throw in.error("tag " + tag + " of image directory " + index + " claims " + n
                    + " values, more than the file can hold; the file is corrupt");
        }
        int length = (int) (n * size);
        int inline = in.bigTiff() ? 8 : 4;
        ByteBuffer values;
        if (length <= inline) {
            values = entries.duplicate().order(in.order());
            values.position(valuePos).limit(valuePos + length);
            values = values.slice().order(in.order());
        } else {
            long at = in.bigTiff() ? entries.getLong(valuePos) : entries.getInt(valuePos) & 0xffffffffL;
            values = in.read(at, length, "tag " + tag + " of image directory " + index);
        }
        int count = (int) n;
        if (text) {
            byte[] b = new byte[count];
            values.get(b);
            d.putBytes(tag, b);
        } else if (type == TiffType.RATIONAL) {
            double[] r = new double[count];
            for (int i = 0; i < count; i++) {
                long num = values.getInt() & 0xffffffffL;
                long den = values.getInt() & 0xffffffffL;
                r[i] = den == 0 ? Double.NaN : (double) num / den;
            }
            d.putRationals(tag, r);
        } else {
            long[] v = new long[count];
            for (int i = 0; i < count; i++) {
                switch (size) {
                    case 1:
                        v[i] = values.get() & 0xff;
                        break;
                    case 2:
                        v[i] = values.getShort() & 0xffff;
                        break;
                    case 4:
                        v[i] = values.getInt() & 0xffffffffL;
                        break;
                    default:
                        v[i] = values.getLong();
                        break;
                }
            }
            d.putNumbers(tag, v);
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }
}
