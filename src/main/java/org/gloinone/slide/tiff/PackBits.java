package org.gloinone.slide.tiff;

/** PackBits run-length decoding (TIFF 6.0 section 9). */
final class PackBits {
    private PackBits() {
    }

    /** Decodes into {@code out}, stopping when it is full; returns the bytes written. */
    static int decode(byte[] in, byte[] out) {
        int i = 0;
        int pos = 0;
        while (i < in.length && pos < out.length) {
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(in.length - i, out.length - pos));
                System.arraycopy(in, i, out, pos, count);
                i += n + 1;
                pos += count;
            } else if (n != -128) {
                if (i >= in.length) {
                    break;
                }
                byte b = in[i++];
                int count = Math.min(1 - n, out.length - pos);
                for (int k = 0; k < count; k++) {
                    out[pos++] = b;
                }
            }
        }
        return pos;
    }
}
