package org.gloinone.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;

/**
 * The one colour rule of every output (ImageScope layers, QuPath classes, overlay, ImageJ ROI sets and Fiji's
 * ROI Manager), taken from the model's class scheme rather than guessed from class names: the classes the
 * model counts as globally sclerosed are red, the first other glomerular class green, further classes take
 * the next palette colour in the model's order, unclassified (detect-only) glomeruli are yellow and
 * non-glomerular detections grey; a colour the model's spec gives a class ({@code classify.display_colors})
 * replaces the rule's.
 */
public final class ClassColors {
    /** Globally sclerosed. */
    public static final int SCLEROSED = 0xE00000;
    /** The first glomerular class that is not sclerosed (e.g. normal, nonGS). */
    public static final int NORMAL = 0x00B000;
    /** A glomerulus detected but not classified. */
    public static final int UNCLASSIFIED = 0xFFD000;
    /** A detection the classifier called non-glomerular. */
    public static final int NON_GLOMERULAR = 0x808080;
    /** Further classes, in order. */
    private static final int[] PALETTE = {0x0060FF, 0xFF9900, 0xB000B0, 0x00B0B0, 0x806000, 0xFF66CC, 0x7F7FFF};

    private final Map<String, Integer> colours;

    private ClassColors(Map<String, Integer> colours) {
        this.colours = colours;
    }

    /** The colours of a result's class scheme. */
    public static ClassColors of(SlideResult result) {
        return of(result.classNames(), result.sclerosedClasses(), result.displayColors());
    }

    /** The colours of a class scheme without display colours of its own. */
    public static ClassColors of(List<String> classNames, Set<String> sclerosed) {
        return of(classNames, sclerosed, Map.of());
    }

    /**
     * The colours of a class scheme.
     *
     * @param classNames glomerulus classes in the model's report order (without the non-glomerular class)
     * @param sclerosed  the classes counted as globally sclerosed
     * @param given      colours (0xRRGGBB) the model's spec gives some classes; they win over the rule
     */
    public static ClassColors of(List<String> classNames, Set<String> sclerosed, Map<String, Integer> given) {
        Map<String, Integer> map = new LinkedHashMap<>();
        int next = 0;
        boolean normalGiven = false;
        boolean sclerosedGiven = false;
        for (String name : classNames) {
            if (GlomerulusResult.UNCLASSIFIED.equals(name) && sclerosed.isEmpty()) {
                map.put(name, UNCLASSIFIED);
            } else if (sclerosed.contains(name) && !sclerosedGiven) {
                map.put(name, SCLEROSED);
                sclerosedGiven = true;
            } else if (!sclerosed.contains(name) && !normalGiven) {
                map.put(name, NORMAL);
                normalGiven = true;
            } else {
                map.put(name, PALETTE[next++ % PALETTE.length]);
            }
        }
        map.putAll(given);
        return new ClassColors(map);
    }

    /** The class colour as 0xRRGGBB; grey for a class outside the scheme (the non-glomerular one). */
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
