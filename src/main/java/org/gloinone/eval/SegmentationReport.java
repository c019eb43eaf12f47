package org.gloinone.eval;

import java.util.List;

/**
 * Segmentation scores of a dataset: per glomerulus, and their mean, standard deviation and n.
 *
 * @param items one score per glomerulus, in dataset order
 * @param dice  Dice summary
 * @param iou   IoU summary
 */
public record SegmentationReport(List<SegmentedItem> items, MeanAndSpread dice, MeanAndSpread iou) {
    public SegmentationReport {
        items = List.copyOf(items);
    }

    /** Summarises per-item scores. */
    public static SegmentationReport of(List<SegmentedItem> items) {
        return new SegmentationReport(items,
                MeanAndSpread.of(items.stream().mapToDouble(SegmentedItem::dice).toArray()),
                MeanAndSpread.of(items.stream().mapToDouble(SegmentedItem::iou).toArray()));
    }
}
