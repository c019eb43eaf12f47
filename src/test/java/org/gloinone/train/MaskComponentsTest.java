package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gloinone.detect.Circle;
import org.junit.jupiter.api.Test;

class MaskComponentsTest {
    @Test
    void circlesEncloseEachComponentsBoxAndSmallOnesAreDropped() {
        FloatImage mask = FloatImage.zeros(20, 10, 1);
        for (int y = 1; y <= 4; y++) {
            for (int x = 2; x <= 7; x++) {
                mask.set(x, y, 0, 1f); // 6 x 4 box at (2, 1)
            }
        }
        mask.set(15, 8, 0, 0.9f); // a 2-pixel sliver, diagonal (8-connected)
        mask.set(16, 7, 0, 0.9f);
        mask.set(18, 2, 0, 0.5f); // not above 0.5: background
        assertEquals(List.of(new Circle(5, 3, 3), new Circle(16, 8, 1)), MaskComponents.circles(mask, 2));
        assertEquals(List.of(new Circle(5, 3, 3)), MaskComponents.circles(mask, 3));
    }
}
