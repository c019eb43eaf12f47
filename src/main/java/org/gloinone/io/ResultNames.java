package org.gloinone.io;

import java.util.Locale;

/** Names used in result files: glomerulus labels and file-safe slide and class names. */
public final class ResultNames {
    private ResultNames() {
    }

    /** The glomerulus label used everywhere, {@code G0001} for id 1. */
    public static String label(int glomerulusId) {
        return String.format(Locale.ROOT, "G%04d", glomerulusId);
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
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 32 || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = b.toString().strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
    }
}
