package org.gloinone.segment;

/**
 * Shape measurements of one glomerulus mask, in physical units.
 *
 * @param areaMicrons2              area in square micrometres
 * @param perimeterMicrons          perimeter of the outline in micrometres
 * @param equivalentDiameterMicrons diameter of the circle of equal area
 * @param circularity               4 pi area / perimeter^2, 1 for a circle
 * @param solidity                  area / convex hull area
 */
public record Morphometry(double areaMicrons2, double perimeterMicrons, double equivalentDiameterMicrons,
                          double circularity, double solidity) {

    /**
     * Measures an outline in level-0 pixels on a slide of {@code micronsPerPixel}.
     *
     * @throws IllegalArgumentException if um/px is not positive
     */
    public static Morphometry of(Outline outline, double micronsPerPixel) {
        if (!(micronsPerPixel > 0) || Double.isInfinite(micronsPerPixel)) {
            throw new IllegalArgumentException("um/px must be > 0, got " + micronsPerPixel);
        }
        double[] xs = outline.xs();
        double[] ys = outline.ys();
        double area = PolygonMeasures.area(xs, ys) * micronsPerPixel * micronsPerPixel;
        double perimeter = PolygonMeasures.perimeter(xs, ys) * micronsPerPixel;
        double hull = PolygonMeasures.convexHullArea(xs, ys) * micronsPerPixel * micronsPerPixel;
        double diameter = 2 * Math.sqrt(area / Math.PI);
        double circularity = perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : 0;
        double solidity = hull > 0 ? Math.min(1, area / hull) : 0;
        return new Morphometry(area, perimeter, diameter, circularity, solidity);
    }
}
