package org.gloinone.slide.bioformats;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;
import org.gloinone.slide.SlideException;

/**
 * Reads slides through Bio-Formats ({@code loci.formats.ImageReader}) when its classes are on the class
 * path at run time, which is the case inside Fiji and not on the plain command line. This program is
 * not compiled against Bio-Formats (it is not published on Maven Central), so the reader is driven by
 * reflection on its stable API: {@code setId}, series, resolutions, {@code openBytes} of a rectangle,
 * RGB interleaving, and OME metadata for the pixel size. Outside Fiji the backend is unavailable.
 */
public final class BioFormatsSlideBackend implements SlideBackend {
    /** The backend name reported by its slides. */
    public static final String NAME = "bioformats";

    static final String READER_CLASS = "loci.formats.ImageReader";
    static final String METADATA_TOOLS_CLASS = "loci.formats.MetadataTools";

    private final String readerClassName;
    private final String metadataToolsClassName;
    private final Class<?> readerClass;   // null when absent
    private final String unavailableReason;
    private volatile Set<String> suffixes; // looked up on first use: creating a reader is not free

    /** The backend over Bio-Formats' own {@code loci.formats.ImageReader}. */
    public BioFormatsSlideBackend() {
        this(READER_CLASS, METADATA_TOOLS_CLASS);
    }

    /**
     * A backend over any reader class with the {@code IFormatReader} method signatures, and a
     * metadata factory class with a static {@code createOMEXMLMetadata()}.
     */
    BioFormatsSlideBackend(String readerClassName, String metadataToolsClassName) {
        this.readerClassName = readerClassName;
        this.metadataToolsClassName = metadataToolsClassName;
        Class<?> found = load(readerClassName);
        this.readerClass = found;
        this.unavailableReason = found == null
                ? "Bio-Formats (" + readerClassName + ") is not on the class path; it is available inside Fiji"
                : "";
    }

    private static Class<?> load(String name) {
        for (ClassLoader loader : new ClassLoader[] {
                BioFormatsSlideBackend.class.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Try the next loader; absence is the normal case outside Fiji.
            }
        }
        return null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return readerClass != null;
    }

    @Override
    public String unavailableReason() {
        return unavailableReason;
    }

    /** Asks Bio-Formats whether any of its readers claims the file, looking at its content. */
    @Override
    public boolean recognises(Path file, byte[] header) {
        if (!isAvailable()) {
            return false;
        }
        try {
            ReflectiveReader reader = ReflectiveReader.create(readerClass, file);
            return Boolean.TRUE.equals(reader.call("isThisType", new Class<?>[] {String.class, boolean.class},
                    file.toAbsolutePath().toString(), true));
        } catch (SlideException e) {
            // A reader that cannot even check the file does not recognise it.
            return false;
        }
    }

    @Override
    public Set<String> extensions() {
        if (!isAvailable()) {
            return Set.of();
        }
        Set<String> s = suffixes;
        if (s == null) {
            try {
                Object result = ReflectiveReader.create(readerClass, Path.of(readerClassName)).call("getSuffixes");
                s = result instanceof String[]
                        ? Arrays.stream((String[]) result).map(x -> x.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())
                        : Set.of();
            } catch (SlideException e) {
                s = Set.of();
            }
            suffixes = s;
        }
        return s;
    }

    @Override
    public Slide open(Path file) throws IOException {
        if (!isAvailable()) {
            throw new SlideException(file, "Bio-Formats is not available: " + unavailableReason);
        }
        ReflectiveReader reader = ReflectiveReader.create(readerClass, file);
        boolean ok = false;
        try {
            if (reader.has("setFlattenedResolutions", boolean.class)) {
                // Pyramid levels as resolutions of one series, not as separate series.
                reader.call("setFlattenedResolutions", new Class<?>[] {boolean.class}, false);
            }
            Object metadata = createMetadata();
            if (metadata != null) {
                reader.callWithCompatible("setMetadataStore", metadata);
            }
            reader.call("setId", new Class<?>[] {String.class}, file.toAbsolutePath().toString());
            String format = reader.has("getFormat") ? String.valueOf(reader.call("getFormat")) : "bioformats";
            BioFormatsSlide slide = new BioFormatsSlide(reader, file, format, metadata);
            ok = true;
            return slide;
        } finally {
            if (!ok) {
                closeQuietly(reader);
            }
        }
    }

    private static void closeQuietly(ReflectiveReader reader) {
        try {
            reader.close();
        } catch (SlideException e) {
            // The open already failed with the more useful message; a failing close adds nothing.
        }
    }

    /** An OME-XML metadata store, or null when the factory is missing (the pixel size is then unknown). */
    private Object createMetadata() {
        Class<?> tools = load(metadataToolsClassName);
        if (tools == null) {
            return null;
        }
        try {
            Method create = tools.getMethod("createOMEXMLMetadata");
            return create.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
