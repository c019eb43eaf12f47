package org.gloinone.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One distinct colour per class, the same in every output (ImageScope layers, QuPath classes, ROI
 * strokes, overlay). Well-known class names get fixed colours (normal green, sclerosed red,
 * non-glomerular grey); other classes take the next colour of a palette chosen to stay apart.
 */
public final class ClassColors {
    /** Colours as 0xRRGGBB for classes not named below, in order of appearance. */
    private static final int[] PALETTE = {0x00B000, 0xE00000, 0x0060FF, 0xFF9900, 0xB000B0, 0x00B0B0, 0x806000,
        0xFF66CC};
    private static final int NON_GLOMERULAR = 0x808080;

    private final Map<String, Integer> colours;

    private ClassColors(Map<String, Integer> colours) {
        this.colours = colours;
    }

    /**
     * Colours for {@code classNames} in report order, plus the non-glomerular class.
     *
     * @param classNames glomerulus classes of a result
     */
    public static ClassColors of(List<String> classNames) {
        Map<String, Integer> map = new LinkedHashMap<>();
        int next = 0;
        for (String name : classNames) {
            Integer fixed = fixedColour(name);
            if (fixed != null && !map.containsValue(fixed)) {
                map.put(name, fixed);
            }
        }
        for (String name : classNames) {
            if (!map.containsKey(name)) {
                while (map.containsValue(PALETTE[next % PALETTE.length]) && next < PALETTE.length) {
                    next++;
                }
                map.put(name, PALETTE[next % PALETTE.length]);
                next++;
            }
        }
        return new ClassColors(map);
    }

    private static Integer fixedColour(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("non") && n.contains("glom")) {
            return NON_GLOMERULAR;
        }
        if (n.contains("scleros") && !n.startsWith("non")) {
            return 0xE00000;
        }
        if (n.equals("normal") || n.equals("glomerulus") || n.startsWith("non-scleros") || n.startsWith("nonscleros")) {
            return 0x00B000;
        }
        return null;
    }

    /** The class colour as 0xRRGGBB; grey for classes not known here (e.g. non-glomerular). */
    public int rgb(String className) {
        return colours.getOrDefault(className, NON_GLOMERULAR);
    }

    /** The colour as ImageScope writes it: a decimal integer of 0xBBGGRR (a Windows COLORREF). */
    public int imageScopeLineColor(String className) {
        int rgb = rgb(className);
        return ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
    }

    /** Red, green, blue in 0..255. */
    public int[] components(String className) {
        int rgb = rgb(className);
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }
}
