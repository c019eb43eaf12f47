package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says why a file operation failed in words a user can act on. Java's file-system exceptions often carry
 * only the path as their message ("noperm.svs: /data/noperm.svs"); the reason is in their type.
 */
public final class FileProblems {
    private FileProblems() {
    }

    /** The reason of {@code e} without its path, e.g. "permission denied" or "a symbolic link loop". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loop";
        }
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                String r = f.getReason();
                return r.toLowerCase(java.util.Locale.ROOT).contains("symbolic link") ? "a symbolic link loop" : r;
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Why {@code path} cannot be reached, e.g. "no such file or folder", "a symbolic link loop" or
     * "permission denied" (for a file in a folder that cannot be entered).
     */
    public static String whyMissing(Path path) {
        try {
            path.toRealPath();
            return "no such file or folder";
        } catch (IOException e) {
            return reason(e);
        }
    }

    /** {@code "<file>: <reason>"} for a file-system failure naming its file, else the exception's message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(e);
        }
        return reason(e);
    }
}
