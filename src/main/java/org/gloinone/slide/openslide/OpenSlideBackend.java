package org.gloinone.slide.openslide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;
import org.gloinone.slide.SlideException;

/**
 * Reads slides through the native OpenSlide library (SVS, NDPI, MRXS, SCN, VMS, BIF, Philips, generic
 * tiled TIFF) when libopenslide is installed. Where it is not, {@link #isAvailable()} is false and
 * {@link #unavailableReason()} says how to install it.
 */
public final class OpenSlideBackend implements SlideBackend {
    /** The backend name reported by its slides. */
    public static final String NAME = "openslide";

    /** Creates the backend; the library is looked up once per class loader. */
    public OpenSlideBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return OpenSlideLoader.outcome().available();
    }

    @Override
    public String unavailableReason() {
        return OpenSlideLoader.outcome().reason();
    }

    /** OpenSlide's version string, e.g. {@code "3.4.1"}; empty when the library is missing. */
    public String libraryVersion() {
        return OpenSlideLoader.outcome().version();
    }

    /** Asks OpenSlide itself, which inspects the file's content (and, for MRXS, its companion folder). */
    @Override
    public boolean recognises(Path file, byte[] header) {
        return isAvailable() && OpenSlideLoader.outcome().library()
                .openslide_detect_vendor(file.toAbsolutePath().toString()) != null;
    }

    @Override
    public Set<String> extensions() {
        return Set.of("svs", "tif", "tiff", "ndpi", "vms", "vmu", "scn", "mrxs", "bif", "svslide");
    }

    @Override
    public Slide open(Path file) throws IOException {
        if (!isAvailable()) {
            throw new SlideException(file, "OpenSlide is not available: " + unavailableReason());
        }
        return OpenSlideSlide.open(OpenSlideLoader.outcome().library(), file);
    }
}
