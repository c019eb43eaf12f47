package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Overlap scores of a predicted mask, worked by hand. */
class MaskOverlapTest {
    @Test
    void areaErrorIsRelativeToTheAnnotation() {
        // 100 annotated pixels, 120 predicted, 90 of them inside the annotation
        MaskOverlap o = new MaskOverlap(100, 120, 90);
        assertEquals(180.0 / 220, o.dice(), 1e-12);
        assertEquals(90.0 / 130, o.iou(), 1e-12);
        assertEquals(0.2, o.relativeAreaError(), 1e-12);
        assertEquals(-1, MaskOverlap.missed(50).relativeAreaError());
        assertTrue(Double.isNaN(new MaskOverlap(0, 5, 0).relativeAreaError()));
        SegmentedItem item = SegmentedItem.of("a.png", o);
        assertEquals(0.2, item.relativeAreaError(), 1e-12);
        SegmentationReport r = SegmentationReport.of(java.util.List.of(item,
                SegmentedItem.of("b.png", new MaskOverlap(0, 5, 0))));
        assertEquals(1, r.relativeAreaError().n(), "an empty annotation has no relative area error");
    }
}
