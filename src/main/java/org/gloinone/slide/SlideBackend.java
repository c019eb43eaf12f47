package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One way of reading slides (pure-Java TIFF, OpenSlide, ImageJ, Bio-Formats). {@code SlideOpener}
 * asks each available backend in turn: first by content, then by file extension.
 */
public interface SlideBackend {

    /** Short name shown to users, e.g. {@code "tiff"} or {@code "openslide"}. */
    String name();

    /** False when the backend's library is missing (e.g. libopenslide not installed); says why in {@link #unavailableReason()}. */
    boolean isAvailable();

    /** Why the backend is unavailable, or an empty string. */
    default String unavailableReason() {
        return "";
    }

    /**
     * Whether this backend recognises the file by its content.
     *
     * @param file   the file
     * @param header its first bytes (up to 4096; fewer for a short file)
     */
    boolean recognises(Path file, byte[] header);

    /** Lower-case file extensions (without the dot) this backend reads when content does not decide. */
    Set<String> extensions();

    /**
     * Opens the file.
     *
     * @throws SlideException naming the file when it is not a slide this backend can read
     */
    Slide open(Path file) throws IOException;
}
