package org.gloinone.slide.tiff;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * TIFF LZW (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first, with the
 * "early change" of code width one code before the table fills, as libtiff writes it.
 */
final class LzwCodec {
    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE_SIZE = 4096;

    private LzwCodec() {
    }

    /** Code width the decoder uses when its table holds codes below {@code next}. */
    private static int width(int next) {
        return next < 511 ? 9 : next < 1023 ? 10 : next < 2047 ? 11 : 12;
    }

    /**
     * Decodes into {@code out}, stopping when it is full or at the end code.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when the data is not valid LZW
     */
    static int decode(byte[] in, byte[] out) {
        // Every table entry is a run already present in the output: its start and length suffice.
        int[] start = new int[TABLE_SIZE];
        int[] length = new int[TABLE_SIZE];
        long bits = 0;
        int bitCount = 0;
        int inPos = 0;
        int pos = 0;
        int next = FIRST_FREE;
        int prevStart = -1;
        int prevLength = 0;
        while (pos < out.length) {
            int w = width(next);
            while (bitCount < w && inPos < in.length) {
                bits = (bits << 8) | (in[inPos++] & 0xff);
                bitCount += 8;
            }
            if (bitCount < w) {
                break;
            }
            int code = (int) ((bits >>> (bitCount - w)) & ((1 << w) - 1));
            bitCount -= w;
            if (code == END) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST_FREE;
                prevStart = -1;
                continue;
            }
            int runStart = pos;
            int runLength;
            if (prevStart < 0) {
                if (code > 255) {
                    throw new IllegalArgumentException("LZW data starts with code " + code);
                }
                out[pos++] = (byte) code;
                runLength = 1;
            } else {
                if (code < 256) {
                    out[pos++] = (byte) code;
                    runLength = 1;
                } else if (code < next) {
                    runLength = Math.min(length[code], out.length - pos);
                    System.arraycopy(out, start[code], out, pos, runLength);
                    pos += runLength;
                } else if (code == next) {
                    // The code being defined: previous run plus its own first byte.
                    runLength = Math.min(prevLength + 1, out.length - pos);
                    for (int i = 0; i < runLength; i++) {
                        out[pos + i] = out[prevStart + (i < prevLength ? i : 0)];
                    }
                    pos += runLength;
                } else {
                    throw new IllegalArgumentException("LZW code " + code + " is not yet defined");
                }
                if (next < TABLE_SIZE) {
                    start[next] = prevStart;
                    length[next] = prevLength + 1;
                    next++;
                }
            }
            prevStart = runStart;
            prevLength = runLength;
        }
        return pos;
    }

    /** Encodes {@code data[0..length)} as TIFF LZW. */
    static byte[] encode(byte[] data, int length) {
        BitWriter out = new BitWriter(length / 2 + 64);
        int[] keys = new int[1 << 13];
        short[] codes = new short[1 << 13];
        Arrays.fill(keys, -1);
        int next = FIRST_FREE;
        out.write(CLEAR, 9);
        int current = -1;
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xff;
            if (current < 0) {
                current = b;
                continue;
            }
            int key = current << 8 | b;
            int slot = (key * 0x9E3779B1 >>> 19);
            while (keys[slot] != -1 && keys[slot] != key) {
                slot = (slot + 1) & (keys.length - 1);
            }
            if (keys[slot] == key) {
                current = codes[slot];
                continue;
            }
            out.write(current, width(next - 1));
            keys[slot] = key;
            codes[slot] = (short) next;
            next++;
            current = b;
            if (next >= TABLE_SIZE - 2) {
                out.write(CLEAR, width(next - 1));
                Arrays.fill(keys, -1);
                next = FIRST_FREE;
            }
        }
        if (current >= 0) {
            out.write(current, width(next - 1));
            next++;
        }
        out.write(END, width(next - 1));
        return out.toByteArray();
    }

    /** Packs codes most significant bit first. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes;
        private long bits;
        private int count;

        BitWriter(int capacity) {
            bytes = new ByteArrayOutputStream(capacity);
        }

        void write(int code, int width) {
            bits = (bits << width) | code;
            count += width;
            while (count >= 8) {
                bytes.write((int) (bits >>> (count - 8)));
                count -= 8;
            }
        }

        byte[] toByteArray() {
            if (count > 0) {
                bytes.write((int) (bits << (8 - count)));
                count = 0;
            }
            return bytes.toByteArray();
        }
    }
}
