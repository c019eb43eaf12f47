package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A result file could not be written or read: the message names the file and the problem,
 * e.g. {@code "slide.xml: DOCTYPE is not allowed in ImageScope annotations"}.
 */
public class ResultFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param file the file concerned; @param problem what is wrong with it */
    public ResultFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    /** @param file the file concerned; @param problem what is wrong; @param cause the underlying error */
    public ResultFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
