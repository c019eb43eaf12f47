package org.gloinone.slide.tiff;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;
import org.gloinone.slide.SlideException;

/**
 * The built-in, pure-Java reader of the TIFF family: classic TIFF and BigTIFF, Aperio SVS, generic
 * pyramidal TIFF and OME-TIFF, with JPEG, Deflate, LZW, PackBits or no compression. It needs no native
 * library, so it is always available.
 */
public final class TiffSlideBackend implements SlideBackend {
    /** The name this backend reports. */
    public static final String NAME = "tiff";

    private static final Set<String> EXTENSIONS = Set.of("tif", "tiff", "svs", "btf", "tf8", "ome.tif",
            "ome.tiff", "ome.btf");

    private final long cachePixels;

    /** A backend whose slides each cache up to 16 M decoded pixels (64 MB). */
    public TiffSlideBackend() {
        this(TiffSlide.DEFAULT_CACHE_PIXELS);
    }

    /**
     * A backend whose slides each cache up to {@code cachePixels} decoded pixels.
     *
     * @param cachePixels cache bound in pixels, 0 or more (0 disables the cache)
     */
    public TiffSlideBackend(long cachePixels) {
        if (cachePixels < 0) {
            throw new IllegalArgumentException("cachePixels must be >= 0, got " + cachePixels);
        }
        this.cachePixels = cachePixels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean recognises(Path file, byte[] header) {
        return TiffParser.isTiffHeader(header);
    }

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public Slide open(Path file) throws IOException {
        TiffInput in;
        try {
            in = new TiffInput(file);
        } catch (NoSuchFileException e) {
            throw new SlideException(file, "the file does not exist", e);
        }
        try {
            List<TiffDirectory> dirs = TiffParser.parse(in);
            return new TiffSlide(in, PyramidLayout.of(dirs, in), cachePixels);
        } catch (IOException e) {
            in.close();
            throw e;
        } catch (RuntimeException e) {
            in.close();
            throw new SlideException(file, "cannot be read as a TIFF slide (" + e.getMessage() + ")", e);
        }
    }
}
