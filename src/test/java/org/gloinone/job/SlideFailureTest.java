package org.gloinone.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.util.concurrent.CancellationException;

import javax.imageio.IIOException;

import org.gloinone.model.ModelException;
import org.junit.jupiter.api.Test;

/** Every kind of failure of one slide becomes one line naming the file; cancellation is not a failure. */
class SlideFailureTest {
    @Test
    void aReadableProblemKeepsItsMessageAndNamesTheSlideOnce() {
        assertEquals("s.svs: level 0 tile 3,4 is corrupt",
                SlideFailure.of("s.svs", new IOException("s.svs: level 0 tile 3,4 is corrupt")).reason());
        assertEquals("s.svs: no detector", SlideFailure.of("s.svs", new ModelException("no detector")).reason());
    }

    @Test
    void anOversizedAllocationFailsTheSlideOnly() {
        String reason = SlideFailure.of("big.tif", new OutOfMemoryError("Java heap space")).reason();
        assertTrue(reason.startsWith("big.tif: ran out of memory: the file asks for more than this program may "
                + "allocate ("), reason);
    }

    @Test
    void aDefectIsNamedInOneLine() {
        SlideFailure f = SlideFailure.of("a.tif", new IllegalArgumentException("Illegal Capacity: -5\nsecond line"));
        assertEquals("a.tif: internal error (IllegalArgumentException: Illegal Capacity: -5)", f.reason());
        assertTrue(f.details().contains("\tat "), "the trace is kept for the log");
        assertEquals("a.tif: internal error (NullPointerException)",
                SlideFailure.of("a.tif", new NullPointerException()).reason());
    }

    @Test
    void aNameTheFileSystemCannotStoreSuggestsAUtf8Locale() {
        String reason = SlideFailure.of("\uFFFD.tif", new InvalidPathException("out/\uFFFD",
                "Malformed input or input contains unmappable characters")).reason();
        assertTrue(reason.startsWith("\uFFFD.tif: its name cannot be used for an output file on this system"), reason);
        assertTrue(reason.contains("LC_ALL=C.UTF-8"), reason);
    }

    @Test
    void aFullDiskIsSaidAnywhereInTheCauseChain() {
        IOException full = new FileSystemException("out/a.partial/a-overlay.png", null, "No space left on device");
        String reason = SlideFailure.of("a.tif", new IIOException("I/O error writing PNG file!", full)).reason();
        assertEquals("a.tif: the output disk is full (No space left on device); free space and run again with "
                + "--resume", reason);
    }

    @Test
    void aDeniedPermissionIsSaidWithTheFile() {
        assertEquals("noperm.svs: /data/noperm.svs: permission denied",
                SlideFailure.of("noperm.svs", new AccessDeniedException("/data/noperm.svs")).reason());
    }

    @Test
    void cancellationAndFatalErrorsAreNotSlideFailures() {
        CancellationException cancel = new CancellationException();
        assertSame(cancel, assertThrows(CancellationException.class, () -> SlideFailure.of("a.tif", cancel)));
        InternalError fatal = new InternalError("JVM broken");
        assertSame(fatal, assertThrows(InternalError.class, () -> SlideFailure.of("a.tif", fatal)));
    }
}
