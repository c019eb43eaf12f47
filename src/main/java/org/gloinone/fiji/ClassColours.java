package org.gloinone.fiji;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gloinone.pipeline.GlomerulusResult;

/**
 * The colour of each class in the ROI Manager and overlays: normal green, globally sclerosed red,
 * unclassified yellow, other classes from a fixed palette by their place in the model's class list.
 */
public final class ClassColours {
    static final Color NORMAL = new Color(0, 200, 0);
    static final Color SCLEROSED = new Color(230, 0, 0);
    static final Color UNCLASSIFIED = Color.YELLOW;
    private static final Color[] OTHERS = {Color.CYAN, Color.MAGENTA, Color.ORANGE, new Color(80, 120, 255)};

    private final List<String> classNames;
    private final Set<String> sclerosed;

    /**
     * @param classNames the result's classes in report order
     * @param sclerosed  the classes that count as globally sclerosed
     */
    public ClassColours(List<String> classNames, Set<String> sclerosed) {
        this.classNames = List.copyOf(classNames);
        this.sclerosed = Set.copyOf(sclerosed);
    }

    /** The colour of class {@code name}. */
    public Color of(String name) {
        if (sclerosed.contains(name)) {
            return SCLEROSED;
        }
        if (GlomerulusResult.UNCLASSIFIED.equals(name)) {
            return UNCLASSIFIED;
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("normal")) {
            return NORMAL;
        }
        int i = Math.max(0, classNames.indexOf(name));
        return OTHERS[i % OTHERS.length];
    }
}
