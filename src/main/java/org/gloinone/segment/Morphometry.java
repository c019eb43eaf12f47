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
}
