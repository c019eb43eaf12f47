package org.gloinone.slide.openslide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Runs with or without libopenslide: a missing library is an explained state, not an error. */
class OpenSlideLoaderTest {
    @Test
    void aMissingLibraryIsUnavailableWithInstallAdvice() {
        OpenSlideLoader.Outcome outcome = OpenSlideLoader.load(List.of("no-such-openslide-library"));
        assertFalse(outcome.available());
        assertEquals("", outcome.version());
        assertTrue(outcome.reason().startsWith("libopenslide is not installed (Debian/Ubuntu: apt install libopenslide0"),
                outcome.reason());
        assertTrue(outcome.reason().contains("no-such-openslide-library"), outcome.reason());
    }

    @Test
    void theBackendReportsTheLoaderOutcome() {
        OpenSlideBackend backend = new OpenSlideBackend();
        assertEquals(OpenSlideLoader.outcome().available(), backend.isAvailable());
        assertEquals(backend.isAvailable(), backend.unavailableReason().isEmpty());
        assertEquals(backend.isAvailable(), !backend.libraryVersion().isEmpty());
    }
}
