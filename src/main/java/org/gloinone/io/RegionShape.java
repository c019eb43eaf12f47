package org.gloinone.io;

/** The kind of shape of an annotation region read from a file. */
public enum RegionShape {
    /** A closed polygon or free-hand outline. */
    POLYGON,
    /** An axis-aligned rectangle. */
    RECTANGLE,
    /** An axis-aligned ellipse, given by its bounding box. */
    ELLIPSE,
    /** Separate points (no area). */
    POINTS,
    /** An open line, arrow or ruler (no area). */
    LINE;

    /** True for shapes that enclose an area and so can stand for a glomerulus. */
    public boolean hasArea() {
        return this == POLYGON || this == RECTANGLE || this == ELLIPSE;
    }
}
