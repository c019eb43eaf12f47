package org.gloinone.detect;

/**
 * A detected glomerulus: a circle and the detector's confidence.
 *
 * @param circle the circle in level-0 pixels
 * @param score  detector confidence in [0, 1]
 */
public record Detection(Circle circle, double score) {
    public Detection {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("detection score must be in [0, 1], got " + score);
        }
    }
}
