package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticTissueTest {
    @Test
    void pixelsDoNotDependOnHowTheImageIsCut() {
        int[] whole = SyntheticTissue.read(3000, 4000, 64, 48);
        for (int y = 0; y < 48; y += 16) {
            for (int x = 0; x < 64; x += 32) {
                int[] part = SyntheticTissue.read(3000 + x, 4000 + y, 32, 16);
                for (int j = 0; j < 16; j++) {
                    for (int i = 0; i < 32; i++) {
                        assertEquals(whole[(y + j) * 64 + x + i], part[j * 32 + i]);
                    }
                }
            }
        }
    }

    @Test
    void hasBackgroundTissueAndNuclei() {
        // 64x64 patches on a 1000-pixel grid over a 20000 x 15000 slide.
        int background = 0;
        int nuclei = 0;
        int count = 0;
        for (int y = 0; y < 15000; y += 1000) {
            for (int x = 0; x < 20000; x += 1000) {
                for (int p : SyntheticTissue.read(x, y, 64, 64)) {
                    count++;
                    assertEquals(0xff, p >>> 24);
                    int r = (p >> 16) & 0xff;
                    int b = p & 0xff;
                    if (r > 225 && b > 225) {
                        background++;
                    } else if (r < 110 && b > 130) {
                        nuclei++;
                    }
                }
            }
        }
        assertTrue(background > count / 5 && background < count * 4 / 5, "background " + background + " of " + count);
        assertTrue(nuclei > count / 100, "nuclei " + nuclei + " of " + count);
    }
}
