package org.gloinone.eval;

import java.util.List;

/**
 * Segmentation scores of a dataset: per glomerulus, and their mean, standard deviation and n.
 *
 * @param items one score per glomerulus, in dataset order
 * @param dice  Dice summary
 * @param iou   IoU summary
 * @param relativeAreaError summary of the predicted areas' relative errors
 */
public record SegmentationReport(List<SegmentedItem> items, MeanAndSpread dice, MeanAndSpread iou,
                                 MeanAndSpread relativeAreaError) {
    public SegmentationReport {
        items = List.copyOf(items);
    }

    /** Summarises per-item scores. */
    public static SegmentationReport of(List<SegmentedItem> items) {
        return new SegmentationReport(items,
                MeanAndSpread.of(items.stream().mapToDouble(SegmentedItem::dice).toArray()),
                MeanAndSpread.of(items.stream().mapToDouble(SegmentedItem::iou).toArray()),
                MeanAndSpread.of(items.stream().mapToDouble(SegmentedItem::relativeAreaError)
                        .filter(e -> !Double.isNaN(e)).toArray()));
    }
}
