package org.gloinone.eval;

/**
 * The segmentation score of one glomerulus.
 *
 * @param name the crop's image path, or {@code tile.png#k} for glomerulus k of a tile
 * @param dice Dice coefficient with the annotation
 * @param iou  intersection over union with the annotation
 */
public record SegmentedItem(String name, double dice, double iou) {
}
