package org.gloinone.slide.tiff;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One image file directory (IFD): the values of the tags this reader uses. Other tags are skipped
 * without reading their values, so a large private tag (ICC profile, XMP) costs nothing.
 */
final class TiffDirectory {
    private final long offset;
    private final Map<Integer, long[]> numbers = new HashMap<>();
    private final Map<Integer, double[]> rationals = new HashMap<>();
    private final Map<Integer, byte[]> bytes = new HashMap<>();
    private List<TiffDirectory> subDirectories = List.of();

    TiffDirectory(long offset) {
        this.offset = offset;
    }

    /** File offset of this directory, for messages. */
    long offset() {
        return offset;
    }

    void putNumbers(int tag, long[] values) {
        numbers.put(tag, values);
    }

    void putRationals(int tag, double[] values) {
        rationals.put(tag, values);
    }

    void putBytes(int tag, byte[] values) {
        bytes.put(tag, values);
    }

    void setSubDirectories(List<TiffDirectory> subDirectories) {
        this.subDirectories = List.copyOf(subDirectories);
    }

    /** The SubIFDs (tag 330) of this directory, e.g. the reduced resolutions of an OME-TIFF plane. */
    List<TiffDirectory> subDirectories() {
        return subDirectories;
    }

    boolean has(int tag) {
        return numbers.containsKey(tag) || rationals.containsKey(tag) || bytes.containsKey(tag);
    }

    long number(int tag, long defaultValue) {
        long[] v = numbers.get(tag);
        return v == null || v.length == 0 ? defaultValue : v[0];
    }

    /** All values of a numeric tag, or null when absent. */
    long[] numbers(int tag) {
        return numbers.get(tag);
    }

    /** The first value of a RATIONAL tag, or NaN when absent. */
    double rational(int tag) {
        double[] v = rationals.get(tag);
        return v == null || v.length == 0 ? Double.NaN : v[0];
    }

    byte[] bytes(int tag) {
        return bytes.get(tag);
    }

    /** An ASCII tag as text without its trailing NULs, or an empty string when absent. */
    String text(int tag) {
        byte[] b = bytes.get(tag);
        if (b == null) {
            return "";
        }
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** NewSubfileType bit 0: a reduced-resolution version of another image. */
    boolean isReducedResolution() {
        return (number(TiffTag.NEW_SUBFILE_TYPE, 0) & 1) != 0;
    }

    long width() {
        return number(TiffTag.IMAGE_WIDTH, 0);
    }

    long height() {
        return number(TiffTag.IMAGE_LENGTH, 0);
    }

    boolean isTiled() {
        return has(TiffTag.TILE_WIDTH) || has(TiffTag.TILE_OFFSETS);
    }
}
