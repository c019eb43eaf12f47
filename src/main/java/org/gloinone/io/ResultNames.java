package org.gloinone.io;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gloinone.pipeline.GlomerulusResult;

/** Names used in result files: glomerulus labels and file-safe slide and class names. */
public final class ResultNames {
    /** The charset Java encodes file names in (from the locale; ASCII under LC_ALL=C). */
    private static final Charset FILE_NAME_CHARSET = fileNameCharset();

    private ResultNames() {
    }

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // an unknown name: the common case, and names are checked again on write
        }
    }

    /** The glomerulus label used everywhere, {@code G0001} for id 1. */
    public static String label(int glomerulusId) {
        return String.format(Locale.ROOT, "G%04d", glomerulusId);
    }

    /**
     * The name of a glomerulus' circle ROI, in the ROI Manager and in written ROI sets alike:
     * {@code "G0001 normal 0.93"}, the label, the class and the class's probability, or the detection score
     * when the glomerulus was not classified.
     */
    public static String roiName(GlomerulusResult g) {
        double confidence = g.classification().map(c -> c.confidence()).orElse(g.detection().score());
        return label(g.id()) + " " + g.className() + " " + String.format(Locale.ROOT, "%.2f", confidence);
    }

    /** The name of a glomerulus' mask outline ROI: {@code "G0001 normal mask"}. */
    public static String maskRoiName(GlomerulusResult g) {
        return label(g.id()) + " " + g.className() + " mask";
    }

    /**
     * The slide's file name without its extension, made safe as a file name: {@code "a b.svs"}
     * gives {@code "a b"}; path separators and control characters become '_'.
     */
    public static String slideStem(String slideFileName) {
        String name = slideFileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return fileSafe(name);
    }

    /** {@code text} with characters that are unsafe in file names replaced by '_'; never empty, never "." or "..". */
    public static String fileSafe(String text) {
        return fileSafe(text, FILE_NAME_CHARSET.newEncoder());
    }

    /**
     * As {@link #fileSafe(String)}, also replacing what {@code fileNames} cannot encode: under a C locale Java
     * encodes file names in ASCII, and a name it read with replacement characters cannot be written back.
     */
    static String fileSafe(String text, CharsetEncoder fileNames) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean unsafe = c < 32 || "/\\:*?\"<>|".indexOf(c) >= 0 || c == '\uFFFD'
                    || !fileNames.canEncode(new String(Character.toChars(c)));
            if (unsafe) {
                b.append('_');
            } else {
                b.appendCodePoint(c);
            }
        });
        String s = b.toString().strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
    }
}
