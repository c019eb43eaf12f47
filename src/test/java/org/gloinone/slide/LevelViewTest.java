package org.gloinone.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class LevelViewTest {
    private static final int W = 1000;
    private static final int H = 700;

    /** A pixel whose value says where it is. */
    private static int argb(int x, int y) {
        return 0xff000000 | (x & 0xfff) << 12 | (y & 0xfff);
    }

    private static InMemorySlide slide() {
        int[] level0 = new int[W * H];
        int[] level1 = new int[(W / 4) * (H / 4)];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                level0[y * W + x] = argb(x, y);
            }
        }
        for (int y = 0; y < H / 4; y++) {
            for (int x = 0; x < W / 4; x++) {
                level1[y * (W / 4) + x] = argb(x + 7, y + 7);
            }
        }
        return new InMemorySlide(level0, W, H, OptionalDouble.of(0.5)).addLevel(level1, W / 4, H / 4, 4);
    }

    @Test
    void aLevelIsAnImageOfItsSizeThatReadsNothingUntilAsked() {
        InMemorySlide slide = slide();
        Img<ARGBType> level0 = LevelView.of(slide, 0, 128, 4);
        assertEquals(W, level0.dimension(0));
        assertEquals(H, level0.dimension(1));
        assertEquals(0, slide.pixelsRead(), "lazy: nothing read yet");
        RandomAccess<ARGBType> ra = level0.randomAccess();
        ra.setPosition(new long[] {999, 699});
        assertEquals(argb(999, 699), ra.get().get());
        assertEquals((1000 - 896) * (700 - 640), slide.pixelsRead(), "only the corner tile (edge tiles are short)");
        Img<ARGBType> level1 = LevelView.of(slide, 1);
        assertEquals(W / 4, level1.dimension(0));
        RandomAccess<ARGBType> r1 = level1.randomAccess();
        r1.setPosition(new long[] {3, 5});
        assertEquals(argb(10, 12), r1.get().get());
    }

    @Test
    void aCropIteratesItsPixelsReadingOnlyTheTilesItTouches() {
        InMemorySlide slide = slide();
        RandomAccessibleInterval<ARGBType> crop = Views.interval(LevelView.of(slide, 0, 128, 4),
                new long[] {300, 110}, new long[] {339, 139});
        long n = 0;
        Cursor<ARGBType> c = Views.flatIterable(crop).localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            assertEquals(argb(c.getIntPosition(0), c.getIntPosition(1)), c.get().get());
            n++;
        }
        assertEquals(40 * 30, n);
        assertEquals(2L * 128 * 128, slide.pixelsRead(), "x 300-339 lies in one tile column, y 110-139 in two rows");
    }

    @Test
    void tilesInTheCacheAreNotReadAgainAndOldOnesAreDropped() {
        InMemorySlide slide = slide();
        Img<ARGBType> level = LevelView.of(slide, 0, 128, 2);
        RandomAccess<ARGBType> ra = level.randomAccess();
        for (int pass = 0; pass < 3; pass++) {
            ra.setPosition(new long[] {10, 10});
            ra.get().get();
            ra.setPosition(new long[] {200, 10});
            ra.get().get();
        }
        assertEquals(2L * 128 * 128, slide.pixelsRead(), "two tiles, each read once");
        ra.setPosition(new long[] {400, 10});
        ra.get().get(); // a third tile pushes out the least recently used (x 10)
        RandomAccess<ARGBType> fresh = level.randomAccess();
        fresh.setPosition(new long[] {10, 10});
        assertEquals(argb(10, 10), fresh.get().get());
        assertEquals(4L * 128 * 128, slide.pixelsRead(), "the dropped tile is read again");
    }

    @Test
    void badArgumentsAreRefused() {
        InMemorySlide slide = slide();
        assertThrows(IllegalArgumentException.class, () -> LevelView.of(slide, 2));
        assertThrows(IllegalArgumentException.class, () -> LevelView.of(slide, 0, 8, 4));
        assertThrows(IllegalArgumentException.class, () -> LevelView.of(slide, 0, 128, 0));
    }
}
