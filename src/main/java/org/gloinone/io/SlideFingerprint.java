package org.gloinone.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a slide file cheaply: its size, modification time and the sha256 of its first MiB
 * (hashing a whole 3 GB slide would take longer than a run; header and first tiles change with any
 * rescan).
 *
 * @param sizeBytes          file size
 * @param modifiedMillis     last modification time, ms since the epoch
 * @param sha256FirstMebibyte hex sha256 of the first 1 MiB (or the whole file when smaller)
 */
public record SlideFingerprint(long sizeBytes, long modifiedMillis, String sha256FirstMebibyte) {
    /** Bytes hashed from the start of the file. */
    public static final int HASHED_BYTES = 1 << 20;

    /** The fingerprint of {@code slideFile}. */
    public static SlideFingerprint of(Path slideFile) throws IOException {
        try (InputStream in = Files.newInputStream(slideFile)) {
            return of(in, Files.size(slideFile), Files.getLastModifiedTime(slideFile).toMillis());
        }
    }

    /**
     * The fingerprint of a slide file that is read as a stream (e.g. on a cluster's file system, before it is
     * fetched): its size and modification time as its file system states them, and its first bytes from
     * {@code start}, which this reads but does not close.
     */
    public static SlideFingerprint of(InputStream start, long sizeBytes, long modifiedMillis) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        sha.update(start.readNBytes(HASHED_BYTES));
        return new SlideFingerprint(sizeBytes, modifiedMillis, HexFormat.of().formatHex(sha.digest()));
    }
}
