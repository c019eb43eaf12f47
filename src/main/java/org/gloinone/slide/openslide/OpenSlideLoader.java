package org.gloinone.slide.openslide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Finds and loads libopenslide once per class loader. The outcome (the library or the reason it is
 * missing) never changes afterwards, so it is held in a constant.
 */
final class OpenSlideLoader {
    /** System property naming the library file explicitly, for installations outside the system paths. */
    static final String LIBRARY_PROPERTY = "gloinone.openslide.library";

    /** Names tried in order: the development link, then the runtime sonames of Linux, macOS and Windows. */
    private static final List<String> NAMES =
            List.of("openslide", "libopenslide.so.1", "libopenslide.so.0", "libopenslide.1.dylib",
                    "libopenslide.0.dylib", "libopenslide-1", "libopenslide-0");

    private static final Outcome OUTCOME = load(candidateNames());

    private OpenSlideLoader() {
    }

    /** The loaded library, or the reason it could not be loaded. */
    static Outcome outcome() {
        return OUTCOME;
    }

    private static List<String> candidateNames() {
        List<String> names = new ArrayList<>();
        String explicit = System.getProperty(LIBRARY_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            names.add(explicit);
        }
        names.addAll(NAMES);
        return names;
    }

    /** Loads the first of {@code names} that is an OpenSlide library. */
    static Outcome load(List<String> names) {
        String firstError = null;
        for (String name : names) {
            try {
                OpenSlideLibrary lib = Native.load(name, OpenSlideLibrary.class,
                        Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
                // Resolves a symbol now, so a foreign library of the same name is rejected here.
                String version = lib.openslide_get_version();
                return new Outcome(lib, version, "");
            } catch (LinkageError e) {
                // UnsatisfiedLinkError when the name is not found; other linkage errors when JNA itself cannot load.
                if (firstError == null) {
                    firstError = e.getMessage();
                }
            }
        }
        return new Outcome(null, "", "libopenslide is not installed (Debian/Ubuntu: apt install libopenslide0; "
                + "or set -D" + LIBRARY_PROPERTY + "=/path/to/libopenslide)"
                + (firstError == null ? "" : ": " + firstLine(firstError)));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * @param library the library, or null when missing
     * @param version OpenSlide's version string, or empty
     * @param reason  why it is missing, or empty
     */
    record Outcome(OpenSlideLibrary library, String version, String reason) {
        boolean available() {
            return library != null;
        }
    }
}
