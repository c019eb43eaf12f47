package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * The metadata half of a slide that has nothing but pixels: fixed levels and pixel size, no objective
 * magnification, no associated images. Images held in memory (an ImageJ image, a labelled crop, a generated
 * test slide) extend it and supply only {@link #readRegion} and {@link #close}.
 */
public abstract class PlainSlide implements Slide {
    private final Path path;
    private final String backend;
    private final String format;
    private final List<SlideLevel> levels;
    private final OptionalDouble micronsPerPixelX;
    private final OptionalDouble micronsPerPixelY;

    /**
     * @param path    the file it came from, or a name for messages
     * @param backend backend name
     * @param format  format name
     * @param levels  the levels, finest first
     */
    protected PlainSlide(Path path, String backend, String format, List<SlideLevel> levels,
                         OptionalDouble micronsPerPixelX, OptionalDouble micronsPerPixelY) {
        this.path = path;
        this.backend = backend;
        this.format = format;
        this.levels = List.copyOf(levels);
        this.micronsPerPixelX = micronsPerPixelX;
        this.micronsPerPixelY = micronsPerPixelY;
    }

    @Override
    public final Path path() {
        return path;
    }

    @Override
    public final String backendName() {
        return backend;
    }

    @Override
    public final String formatName() {
        return format;
    }

    @Override
    public final List<SlideLevel> levels() {
        return levels;
    }

    @Override
    public final OptionalDouble micronsPerPixelX() {
        return micronsPerPixelX;
    }

    @Override
    public final OptionalDouble micronsPerPixelY() {
        return micronsPerPixelY;
    }

    @Override
    public final OptionalDouble objectiveMagnification() {
        return OptionalDouble.empty();
    }

    @Override
    public final Set<String> associatedImageNames() {
        return Set.of();
    }

    @Override
    public final ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        throw new SlideException(path, "has no associated image '" + name + "'");
    }
}
