package org.gloinone.eval;

import java.nio.file.Path;

/** A labelled dataset is missing a file or is malformed. The message names the file and the problem. */
public class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception about {@code file}. */
    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** Creates an exception about {@code file} with its cause. */
    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
