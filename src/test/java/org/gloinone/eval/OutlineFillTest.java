package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gloinone.segment.Outline;
import org.junit.jupiter.api.Test;

class OutlineFillTest {

    @Test
    void fillsThePixelsWhoseCentresAreInside() {
        // A 3 x 2 pixel rectangle traced along pixel edges: x 1..4, y 1..3.
        Outline rect = new Outline(new double[] {1, 4, 4, 1}, new double[] {1, 1, 3, 3});
        BinaryMask m = PipelineGlomerulusSegmenter.fill(rect, 6, 5);
        assertEquals(MaskMetricsTest.mask(
                "......",
                ".###..",
                ".###..",
                "......",
                "......"), m);
    }

    @Test
    void fillsATriangleAndClipsAtTheBorder() {
        // Right triangle with legs along x = 0 and y = 4 (hypotenuse from (0,0) to (4,4)), extending past the right edge.
        Outline tri = new Outline(new double[] {0, 0, 4}, new double[] {0, 4, 4});
        BinaryMask m = PipelineGlomerulusSegmenter.fill(tri, 3, 4);
        // Row y has centre y + 0.5; inside where x + 0.5 < y + 0.5.
        assertEquals(MaskMetricsTest.mask(
                "...",
                "#..",
                "##.",
                "###"), m);
    }
}
