package org.gloinone.slide.openslide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The alpha handling runs without the native library. */
class UnpremultiplyTest {
    @Test
    void opaqueUnchangedTransparentZeroPartialDivided() {
        int[] px = {0xff102030, 0x00000000, 0x00123456, 0x80404040, 0x40102030, 0x80808080};
        OpenSlideSlide.unpremultiply(px);
        assertArrayEquals(new int[] {0xff102030, 0, 0, 0x80808080, 0x404080bf, 0x80ffffff}, px);
    }
}
