package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWhenComplete() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void filesGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = dir.resolve("atomic.txt");
        AtomicFiles.writeString(target, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void namesAreFileSafe() {
        assertEquals("kidney 7", ResultNames.slideStem("/data/kidney 7.svs"));
        assertEquals("a_b", ResultNames.slideStem("C:\\x\\a:b.ndpi"));
        assertEquals("_", ResultNames.fileSafe(".."));
        assertEquals("G0042", ResultNames.label(42));
        assertEquals("G12345", ResultNames.label(12345));
    }

    @Test
    void namesTheLocaleCannotEncodeBecomeUnderscores() {
        // Under LC_ALL=C Java encodes file names in ASCII, and a name read from disk holds U+FFFD.
        java.nio.charset.CharsetEncoder ascii = java.nio.charset.StandardCharsets.US_ASCII.newEncoder();
        assertEquals("ni_o 7", ResultNames.fileSafe("ni\u00f1o 7", ascii));
        assertEquals("_ _", ResultNames.fileSafe("\uD83E\uDDEA \uFFFD", ascii));
        assertEquals("ni\u00f1o", ResultNames.fileSafe("ni\u00f1o", java.nio.charset.StandardCharsets.UTF_8.newEncoder()));
        assertEquals("_", ResultNames.fileSafe("\uFFFD", java.nio.charset.StandardCharsets.UTF_8.newEncoder()));
    }
}
