package org.gloinone.slide.openslide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * A slide open in OpenSlide. Reads are thread-safe: OpenSlide allows concurrent reads on one handle,
 * and a read-write lock keeps {@link #close()} from freeing the handle under a running read.
 * <p>
 * OpenSlide returns premultiplied ARGB; reads un-premultiply it, so opaque pixels (alpha 255) are
 * unchanged and areas without tissue data (alpha 0) are transparent black, as the {@link Slide}
 * contract says. Once OpenSlide reports an error the handle stays in error and every later read fails.
 */
public final class OpenSlideSlide implements Slide {
    private final OpenSlideLibrary lib;
    private final Path path;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Pointer handle; // guarded by lock; null once closed
    private final List<SlideLevel> levels;
    private final Map<String, String> properties;
    private final Set<String> associated;
    private final String vendor;

    private OpenSlideSlide(OpenSlideLibrary lib, Path path, Pointer handle) throws SlideException {
        this.lib = lib;
        this.path = path;
        this.handle = handle;
        int count = lib.openslide_get_level_count(handle);
        checkError("cannot read its levels");
        if (count < 1) {
            throw new SlideException(path, "OpenSlide found no pyramid levels");
        }
        List<SlideLevel> list = new ArrayList<>();
        LongByReference w = new LongByReference();
        LongByReference h = new LongByReference();
        for (int i = 0; i < count; i++) {
            lib.openslide_get_level_dimensions(handle, i, w, h);
            double downsample = lib.openslide_get_level_downsample(handle, i);
            checkError("cannot read level " + i);
            // Level 0 is 1 by definition; OpenSlide may report 0.999... for rounded level sizes.
            list.add(new SlideLevel(w.getValue(), h.getValue(), i == 0 ? 1.0 : Math.max(1.0, downsample)));
        }
        this.levels = List.copyOf(list);
        Map<String, String> props = new TreeMap<>();
        for (String name : strings(lib.openslide_get_property_names(handle))) {
            String value = lib.openslide_get_property_value(handle, name);
            if (value != null) {
                props.put(name, value);
            }
        }
        this.properties = Collections.unmodifiableMap(props);
        this.associated = Collections.unmodifiableSet(new TreeSet<>(strings(lib.openslide_get_associated_image_names(handle))));
        this.vendor = props.getOrDefault("openslide.vendor", "unknown");
    }

    /**
     * Opens a file through OpenSlide.
     *
     * @throws SlideException naming the file when OpenSlide does not recognise it or reports an error
     */
    static OpenSlideSlide open(OpenSlideLibrary lib, Path file) throws SlideException {
        Pointer handle = lib.openslide_open(file.toAbsolutePath().toString());
        if (handle == null) {
            throw new SlideException(file, "OpenSlide does not recognise this file as a slide");
        }
        String error = lib.openslide_get_error(handle);
        if (error != null) {
            lib.openslide_close(handle);
            throw new SlideException(file, "OpenSlide cannot open it: " + error);
        }
        try {
            return new OpenSlideSlide(lib, file, handle);
        } catch (SlideException | RuntimeException e) {
            lib.openslide_close(handle);
            throw e;
        }
    }

    private static List<String> strings(Pointer nullTerminated) {
        return nullTerminated == null ? List.of() : List.of(nullTerminated.getStringArray(0, "UTF-8"));
    }

    private void checkError(String what) throws SlideException {
        String error = lib.openslide_get_error(handle);
        if (error != null) {
            throw new SlideException(path, "OpenSlide " + what + ": " + error);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String backendName() {
        return OpenSlideBackend.NAME;
    }

    /** The vendor OpenSlide detected, with Aperio named as its container ({@code aperio-svs}). */
    @Override
    public String formatName() {
        return "aperio".equals(vendor) ? "aperio-svs" : vendor;
    }

    /** All OpenSlide properties ({@code openslide.*}, {@code aperio.*}, {@code tiff.*}, ...), sorted by name. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public List<SlideLevel> levels() {
        return levels;
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return positive("openslide.mpp-x");
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return positive("openslide.mpp-y");
    }

    @Override
    public OptionalDouble objectiveMagnification() {
        return positive("openslide.objective-power");
    }

    private OptionalDouble positive(String property) {
        String value = properties.get(property);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(value.strip());
            return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            // A malformed vendor value is as good as none: the pixel size is never guessed.
            return OptionalDouble.empty();
        }
    }

    @Override
    public Set<String> associatedImageNames() {
        return associated;
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        if (!associated.contains(name)) {
            throw new SlideException(path, "no associated image '" + name + "' (present: " + associated + ")");
        }
        lock.readLock().lock();
        try {
            Pointer osr = requireOpen();
            LongByReference w = new LongByReference();
            LongByReference h = new LongByReference();
            lib.openslide_get_associated_image_dimensions(osr, name, w, h);
            checkError("cannot read the size of associated image '" + name + "'");
            int[] pixels = new int[pixelCount(w.getValue(), h.getValue())];
            try (Memory buffer = new Memory(4L * pixels.length)) {
                lib.openslide_read_associated_image(osr, name, buffer);
                checkError("cannot read associated image '" + name + "'");
                buffer.read(0, pixels, 0, pixels.length);
            }
            unpremultiply(pixels);
            return ArrayImgs.argbs(pixels, w.getValue(), h.getValue());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * OpenSlide addresses regions in level-0 pixels; the level coordinates are scaled by the level's
     * downsample and rounded, which is exact for integer downsamples.
     */
    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException("level " + level + " out of range 0.." + (levels.size() - 1));
        }
        int[] pixels = new int[pixelCount(width, height)];
        double ds = levels.get(level).downsample();
        long x0 = Math.round(x * ds);
        long y0 = Math.round(y * ds);
        lock.readLock().lock();
        try {
            Pointer osr = requireOpen();
            // A native buffer read back once: passing the int[] itself would copy it in and out.
            try (Memory buffer = new Memory(4L * pixels.length)) {
                lib.openslide_read_region(osr, buffer, x0, y0, level, width, height);
                checkError("cannot read level " + level + " region " + width + "x" + height + " at (" + x + ", " + y + ")");
                buffer.read(0, pixels, 0, pixels.length);
            }
        } finally {
            lock.readLock().unlock();
        }
        unpremultiply(pixels);
        return ArrayImgs.argbs(pixels, width, height);
    }

    private int pixelCount(long width, long height) {
        if (width < 1 || height < 1 || width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("region " + width + "x" + height + " of " + path.getFileName()
                    + " must be at least 1x1 and at most 2^31 pixels");
        }
        return (int) (width * height);
    }

    private Pointer requireOpen() throws SlideException {
        if (handle == null) {
            throw new SlideException(path, "the slide has been closed");
        }
        return handle;
    }

    /** Undoes the alpha premultiplication of OpenSlide's output, rounding to the nearest value. */
    static void unpremultiply(int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 255) {
                continue;
            }
            if (a == 0) {
                argb[i] = 0;
                continue;
            }
            int r = Math.min(255, (((p >> 16) & 0xff) * 255 + a / 2) / a);
            int g = Math.min(255, (((p >> 8) & 0xff) * 255 + a / 2) / a);
            int b = Math.min(255, ((p & 0xff) * 255 + a / 2) / a);
            argb[i] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != null) {
                lib.openslide_close(handle);
                handle = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
