package org.gloinone.segment;

import java.util.Objects;
import java.util.Optional;

/**
 * The segmenter's result for one circle.
 *
 * @param outline     the mask outline in level-0 pixels; empty when the mask held nothing
 * @param morphometry its measurements; empty without an outline or when the slide's um/px is unknown
 */
public record Segmentation(Optional<Outline> outline, Optional<Morphometry> morphometry) {
    public Segmentation {
        Objects.requireNonNull(outline, "outline");
        Objects.requireNonNull(morphometry, "morphometry");
    }
}
