package org.gloinone.fiji;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

/**
 * The pyramid levels of an open slide file as ImgLib2 images for scripts and other plugins: each level is lazy
 * and tile-cached, so cropping ({@code Views.interval}) or iterating a gigapixel level reads only what is
 * touched. Close it to release the file.
 *
 * @param name            the slide's file name
 * @param levels          level 0 (full resolution) first
 * @param downsamples     level-0 pixels per pixel of each level
 * @param micronsPerPixel level 0's pixel size, when the file states it
 * @param closer          closes the slide
 */
public record SlideImages(String name, List<Img<ARGBType>> levels, List<Double> downsamples,
                          OptionalDouble micronsPerPixel, Closeable closer) implements Closeable {
    public SlideImages {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
        downsamples = List.copyOf(downsamples);
        Objects.requireNonNull(micronsPerPixel, "micronsPerPixel");
        Objects.requireNonNull(closer, "closer");
        if (levels.isEmpty() || levels.size() != downsamples.size()) {
            throw new IllegalArgumentException(name + ": " + levels.size() + " levels, " + downsamples.size()
                    + " downsamples");
        }
    }

    /** Releases the file; the level images read nothing after this. */
    @Override
    public void close() throws IOException {
        closer.close();
    }
}
