package org.gloinone.eval;

/**
 * The segmentation score of one glomerulus.
 *
 * @param name              the crop's image path, or {@code tile.png#k} for glomerulus k of a tile
 * @param dice              Dice coefficient with the annotation
 * @param iou               intersection over union with the annotation
 * @param relativeAreaError (predicted - annotated area) / annotated area
 */
public record SegmentedItem(String name, double dice, double iou, double relativeAreaError) {

    /** The scores of {@code name}'s predicted mask against its annotation. */
    public static SegmentedItem of(String name, MaskOverlap overlap) {
        return new SegmentedItem(name, overlap.dice(), overlap.iou(), overlap.relativeAreaError());
    }
}
