package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/** A slide whose levels are int[] ARGB arrays in memory, for tests. Counts pixels read. */
public final class InMemorySlide implements Slide {
    private final List<int[]> pixels = new ArrayList<>();
    private final List<SlideLevel> levels = new ArrayList<>();
    private final OptionalDouble mpp;
    private long pixelsRead;

    /** A slide with level 0 of {@code width x height} given as packed ARGB, and no pyramid. */
    public InMemorySlide(int[] level0, int width, int height, OptionalDouble micronsPerPixel) {
        this.mpp = micronsPerPixel;
        addLevel(level0, width, height, 1.0);
    }

    /** Adds a coarser level. */
    public InMemorySlide addLevel(int[] argb, int width, int height, double downsample) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("level size mismatch");
        }
        pixels.add(argb);
        levels.add(new SlideLevel(width, height, downsample));
        return this;
    }

    /** Pixels returned by {@link #readRegion} so far. */
    public long pixelsRead() {
        return pixelsRead;
    }

    @Override
    public Path path() {
        return Path.of("in-memory.tif");
    }

    @Override
    public String backendName() {
        return "memory";
    }

    @Override
    public String formatName() {
        return "memory";
    }

    @Override
    public List<SlideLevel> levels() {
        return List.copyOf(levels);
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return mpp;
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return mpp;
    }

    @Override
    public OptionalDouble objectiveMagnification() {
        return OptionalDouble.empty();
    }

    @Override
    public Set<String> associatedImageNames() {
        return Set.of();
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        throw new SlideException(path(), "no associated image '" + name + "'");
    }

    @Override
    public synchronized ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height) {
        int[] src = pixels.get(level);
        SlideLevel l = levels.get(level);
        int[] out = new int[width * height];
        for (int j = 0; j < height; j++) {
            long sy = y + j;
            if (sy < 0 || sy >= l.height()) {
                continue;
            }
            for (int i = 0; i < width; i++) {
                long sx = x + i;
                if (sx >= 0 && sx < l.width()) {
                    out[j * width + i] = src[(int) (sy * l.width() + sx)];
                }
            }
        }
        pixelsRead += (long) width * height;
        return ArrayImgs.argbs(out, width, height);
    }

    @Override
    public void close() {
    }
}
