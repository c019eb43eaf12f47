package org.gloinone.slide.bioformats;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.slide.LengthUnits;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideLevel;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * A slide read by Bio-Formats. The image is the series with the most pixels; its resolutions are the
 * pyramid levels. Reads are thread-safe: the underlying reader is stateful (current series and
 * resolution), so they are serialised on it. 8-bit RGB and grey are read as they are; 16-bit data keeps
 * its high byte. Bio-Formats shows label and macro images as further series; they are not offered as
 * associated images here.
 */
final class BioFormatsSlide implements Slide {
    // loci.formats.FormatTools pixel types.
    private static final int UINT8 = 1;
    private static final int UINT16 = 3;

    private final ReflectiveReader reader;
    private final Path path;
    private final String format;
    private final int series;
    private final List<SlideLevel> levels;
    private final OptionalDouble mppX;
    private final OptionalDouble mppY;
    private final OptionalDouble magnification;

    BioFormatsSlide(ReflectiveReader reader, Path path, String format, Object metadata) throws SlideException {
        this.reader = reader;
        this.path = path;
        this.format = format;
        int seriesCount = reader.callInt("getSeriesCount");
        int best = 0;
        long bestPixels = -1;
        for (int s = 0; s < seriesCount; s++) {
            reader.call("setSeries", s);
            long pixels = (long) reader.callInt("getSizeX") * reader.callInt("getSizeY");
            if (pixels > bestPixels) {
                best = s;
                bestPixels = pixels;
            }
        }
        this.series = best;
        reader.call("setSeries", series);
        int resolutions = reader.has("getResolutionCount") ? reader.callInt("getResolutionCount") : 1;
        List<SlideLevel> list = new ArrayList<>();
        long w0 = 0;
        long h0 = 0;
        for (int r = 0; r < resolutions; r++) {
            select(r);
            long w = reader.callInt("getSizeX");
            long h = reader.callInt("getSizeY");
            if (r == 0) {
                w0 = w;
                h0 = h;
            }
            // As OpenSlide does: the mean of the two axes' ratios, since level sizes are rounded.
            double ds = r == 0 ? 1.0 : Math.max(1.0, ((double) w0 / w + (double) h0 / h) / 2);
            list.add(new SlideLevel(w, h, ds));
        }
        this.levels = List.copyOf(list);
        this.mppX = physicalSize(metadata, "getPixelsPhysicalSizeX", series);
        this.mppY = physicalSize(metadata, "getPixelsPhysicalSizeY", series);
        this.magnification = nominalMagnification(metadata);
    }

    private void select(int resolution) throws SlideException {
        reader.call("setSeries", series);
        if (reader.has("setResolution", int.class)) {
            reader.call("setResolution", resolution);
        }
    }

    /** The OME pixel size of a series in µm: a {@code Length} with {@code value()} and {@code unit().getSymbol()}. */
    private static OptionalDouble physicalSize(Object metadata, String getter, int series) {
        Object length = invokeQuietly(metadata, getter, series);
        if (length == null) {
            return OptionalDouble.empty();
        }
        Object value = invokeQuietly(length, "value");
        Object unit = invokeQuietly(length, "unit");
        Object symbol = unit == null ? null : invokeQuietly(unit, "getSymbol");
        if (!(value instanceof Number) || !(symbol instanceof String)) {
            return OptionalDouble.empty();
        }
        double v = ((Number) value).doubleValue() * LengthUnits.micronsPer((String) symbol, true);
        return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    private static OptionalDouble nominalMagnification(Object metadata) {
        Object mag = invokeQuietly(metadata, "getObjectiveNominalMagnification", 0, 0);
        if (mag instanceof Number && ((Number) mag).doubleValue() > 0) {
            return OptionalDouble.of(((Number) mag).doubleValue());
        }
        return OptionalDouble.empty();
    }

    /**
     * Calls an optional metadata getter. Metadata is a bonus: absent methods, missing indices and
     * unset values all mean "unknown", never a failure to open the slide.
     */
    private static Object invokeQuietly(Object target, String name, Object... intArgs) {
        if (target == null) {
            return null;
        }
        Class<?>[] types = new Class<?>[intArgs.length];
        java.util.Arrays.fill(types, int.class);
        try {
            Method m = target.getClass().getMethod(name, types);
            return m.invoke(target, intArgs);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String backendName() {
        return BioFormatsSlideBackend.NAME;
    }

    /** Bio-Formats' name of the format, e.g. {@code "Aperio SVS"}. */
    @Override
    public String formatName() {
        return format;
    }

    @Override
    public List<SlideLevel> levels() {
        return levels;
    }

    @Override
    public OptionalDouble micronsPerPixelX() {
        return mppX;
    }

    @Override
    public OptionalDouble micronsPerPixelY() {
        return mppY;
    }

    @Override
    public OptionalDouble objectiveMagnification() {
        return magnification;
    }

    @Override
    public Set<String> associatedImageNames() {
        return Set.of();
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readAssociatedImage(String name) throws IOException {
        throw new SlideException(path, "associated images are not offered through Bio-Formats ('" + name + "')");
    }

    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int width, int height)
            throws IOException {
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException("level " + level + " out of range 0.." + (levels.size() - 1));
        }
        if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("region " + width + "x" + height + " must be at least 1x1 and at most 2^31 pixels");
        }
        int[] out = new int[width * height];
        SlideLevel l = levels.get(level);
        // Bio-Formats refuses rectangles that leave the image; the outside stays transparent black.
        long cx0 = Math.max(0, x);
        long cy0 = Math.max(0, y);
        long cx1 = Math.min(l.width(), x + width);
        long cy1 = Math.min(l.height(), y + height);
        if (cx0 >= cx1 || cy0 >= cy1) {
            return ArrayImgs.argbs(out, width, height);
        }
        int cw = (int) (cx1 - cx0);
        int ch = (int) (cy1 - cy0);
        byte[] bytes;
        int channels;
        boolean interleaved;
        int pixelType;
        boolean littleEndian;
        synchronized (reader) {
            select(level);
            pixelType = reader.callInt("getPixelType");
            channels = reader.callInt("getRGBChannelCount");
            interleaved = reader.callBoolean("isInterleaved");
            littleEndian = reader.has("isLittleEndian") && reader.callBoolean("isLittleEndian");
            if (pixelType != UINT8 && pixelType != UINT16) {
                throw new SlideException(path, "Bio-Formats pixel type " + pixelType + " is not 8- or 16-bit unsigned");
            }
            bytes = (byte[]) reader.call("openBytes", new Class<?>[] {int.class, int.class, int.class, int.class, int.class},
                    0, (int) cx0, (int) cy0, cw, ch);
        }
        int bpp = pixelType == UINT16 ? 2 : 1;
        int n = cw * ch;
        if (bytes == null || bytes.length < (long) n * channels * bpp) {
            throw new SlideException(path, "Bio-Formats returned " + (bytes == null ? 0 : bytes.length)
                    + " bytes for a " + cw + "x" + ch + " region of " + channels + " channel(s)");
        }
        for (int j = 0; j < ch; j++) {
            int dst = (int) ((cy0 - y + j) * width + (cx0 - x));
            for (int i = 0; i < cw; i++) {
                int p = j * cw + i;
                int r = sample(bytes, p, 0, n, channels, interleaved, bpp, littleEndian);
                int g = channels >= 3 ? sample(bytes, p, 1, n, channels, interleaved, bpp, littleEndian) : r;
                int b = channels >= 3 ? sample(bytes, p, 2, n, channels, interleaved, bpp, littleEndian) : r;
                out[dst + i] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        }
        return ArrayImgs.argbs(out, width, height);
    }

    /** One 8-bit sample of channel {@code c} at pixel {@code p}; 16-bit samples keep their high byte. */
    private static int sample(byte[] bytes, int p, int c, int n, int channels, boolean interleaved, int bpp,
                              boolean littleEndian) {
        int index = (interleaved ? p * channels + c : c * n + p) * bpp;
        if (bpp == 1) {
            return bytes[index] & 0xff;
        }
        return littleEndian ? bytes[index + 1] & 0xff : bytes[index] & 0xff;
    }

    @Override
    public void close() throws IOException {
        synchronized (reader) {
            reader.close();
        }
    }
}
