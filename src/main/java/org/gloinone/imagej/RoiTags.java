package org.gloinone.imagej;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.gui.Roi;

import org.gloinone.classify.Classification;
import org.gloinone.pipeline.GlomerulusResult;

/**
 * What a glomerulus ROI knows about itself, kept as ROI properties ({@link Roi#setProperty}), which ImageJ
 * saves in ROI files and ROI sets: the glomerulus id, whether it is the circle or the mask outline, the
 * detector's score, and the class with its confidence and all class probabilities. So a pathologist's review (delete, draw, reclassify,
 * segment, save and reopen the set) keeps each glomerulus' id and class.
 */
public final class RoiTags {
    /** What a Glo-In-One ROI is: {@value #CIRCLE} or {@value #OUTLINE}. */
    public static final String KIND = "GloInOne.Kind";
    /** {@link #KIND} of a glomerulus' circle (or the area the user drew for it). */
    public static final String CIRCLE = "circle";
    /** {@link #KIND} of a mask outline. */
    public static final String OUTLINE = "outline";
    /** The glomerulus id, a whole number &ge; 1. */
    public static final String ID = "GloInOne.Id";
    /** The detector's score (1 for a circle someone drew). */
    public static final String SCORE = "GloInOne.Score";
    /** The class name, present once classified. */
    public static final String CLASS = "GloInOne.Class";
    /** The probability of {@link #CLASS}. */
    public static final String CONFIDENCE = "GloInOne.Confidence";
    /** Every class probability in the model's order: {@code normal=0.93;sclerosed=0.05;...}. */
    public static final String PROBABILITIES = "GloInOne.Probabilities";
    /** {@code true} when the class counts as globally sclerosed. */
    public static final String SCLEROSED = "GloInOne.Sclerosed";

    /** An id at the start of a name, as in {@code "G0007 normal 0.93"}: ROI sets written without properties. */
    private static final Pattern LABEL = Pattern.compile("^G(\\d{1,9})(?:\\s|$)");

    private RoiTags() {
    }

    /**
     * Sets a glomerulus' properties on {@code roi}.
     *
     * @param kind      {@link #CIRCLE} or {@link #OUTLINE}
     * @param sclerosed whether the glomerulus' class counts as globally sclerosed
     */
    public static void tag(Roi roi, GlomerulusResult g, String kind, boolean sclerosed) {
        roi.setProperty(KIND, kind);
        roi.setProperty(ID, Integer.toString(g.id()));
        roi.setProperty(SCORE, Double.toString(g.detection().score()));
        if (g.classification().isPresent()) {
            Classification c = g.classification().get();
            roi.setProperty(CLASS, c.className());
            roi.setProperty(CONFIDENCE, String.format(Locale.ROOT, "%.4f", c.confidence()));
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < c.classNames().size(); i++) {
                p.append(i == 0 ? "" : ";").append(c.classNames().get(i)).append('=').append(c.probabilities().get(i));
            }
            roi.setProperty(PROBABILITIES, p.toString());
            roi.setProperty(SCLEROSED, Boolean.toString(sclerosed));
        }
    }

    /** True for ROIs tagged by {@link #tag}. */
    public static boolean isTagged(Roi roi) {
        return roi.getProperty(KIND) != null;
    }

    /** True for mask outlines: tagged so, or named {@code "... mask"} as in a ROI set written without tags. */
    public static boolean isOutline(Roi roi) {
        return OUTLINE.equals(roi.getProperty(KIND)) || roi.getName() != null && roi.getName().endsWith(" mask");
    }

    /** The glomerulus id: the {@link #ID} property, else a {@code G0007} label at the start of the name. */
    public static OptionalInt id(Roi roi) {
        String property = roi.getProperty(ID);
        if (property != null) {
            try {
                int id = Integer.parseInt(property.trim());
                return id >= 1 ? OptionalInt.of(id) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        Matcher m = roi.getName() == null ? null : LABEL.matcher(roi.getName());
        if (m != null && m.find()) {
            int id = Integer.parseInt(m.group(1));
            return id >= 1 ? OptionalInt.of(id) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** The class verdict the ROI carries; empty when never classified or when the properties do not parse. */
    public static Optional<Classification> classification(Roi roi) {
        String name = roi.getProperty(CLASS);
        String probabilities = roi.getProperty(PROBABILITIES);
        if (name == null || probabilities == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String pair : probabilities.split(";")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            try {
                values.add(Double.parseDouble(pair.substring(eq + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            names.add(pair.substring(0, eq));
        }
        try {
            return Optional.of(new Classification(name, names, values));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The detector's score the ROI carries; empty when untagged or out of [0, 1]. */
    public static OptionalDouble score(Roi roi) {
        String text = roi.getProperty(SCORE);
        try {
            double score = text == null ? Double.NaN : Double.parseDouble(text);
            return score >= 0 && score <= 1 ? OptionalDouble.of(score) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Whether the ROI's class was tagged as globally sclerosed. */
    public static boolean isSclerosed(Roi roi) {
        return Boolean.parseBoolean(roi.getProperty(SCLEROSED));
    }
}
