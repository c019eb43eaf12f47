package org.gloinone.pipeline;

import java.util.Objects;
import java.util.Optional;

import org.gloinone.classify.Classification;
import org.gloinone.detect.Detection;
import org.gloinone.segment.Morphometry;
import org.gloinone.segment.Outline;

/**
 * Everything known about one glomerulus. Stages that did not run leave their parts empty.
 *
 * @param id             1-based number, stable for a given slide, models and options
 * @param detection      the circle and detector score (level-0 pixels)
 * @param classification the classifier's verdict, if classified
 * @param outline        the mask outline in level-0 pixels, if segmented
 * @param morphometry    the mask measurements, if segmented and the slide's um/px is known
 */
public record GlomerulusResult(int id, Detection detection, Optional<Classification> classification,
                               Optional<Outline> outline, Optional<Morphometry> morphometry) {
    public GlomerulusResult {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(outline, "outline");
        Objects.requireNonNull(morphometry, "morphometry");
        if (id < 1) {
            throw new IllegalArgumentException("glomerulus id must be >= 1, got " + id);
        }
    }

    /** The class name, or {@code "glomerulus"} when not classified. */
    public String className() {
        return classification.map(Classification::className).orElse(UNCLASSIFIED);
    }

    /** Class name given to glomeruli that were detected but not classified. */
    public static final String UNCLASSIFIED = "glomerulus";
}
