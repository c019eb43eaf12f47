package org.gloinone.slide;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A slide cannot be opened or read. The message names the file and says what is wrong,
 * in words a pathologist can act on.
 */
public class SlideException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is {@code "<file name>: <problem>"}. */
    public SlideException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    /** As {@link #SlideException(Path, String)}, keeping the underlying cause. */
    public SlideException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
