package org.gloinone.io;

import java.util.Locale;

import org.gloinone.pipeline.GlomerulusResult;

/** Names used in result files: glomerulus labels and file-safe slide and class names. */
public final class ResultNames {
    private ResultNames() {
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
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 32 || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = b.toString().strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
    }
}
