package org.gloinone.batch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.pipeline.SlideResult;

/**
 * What happened to one slide of a batch.
 *
 * @param slide  the slide file
 * @param status done, skipped (finished earlier, on resume) or failed
 * @param result the result, when done
 * @param folder the complete result folder, when done or skipped
 * @param error  why it failed (names the file), or an empty string
 * @param millis wall time spent on the slide
 * @param cause  what was thrown, when failed (its stack trace is for a log file, not the terminal)
 */
public record SlideOutcome(Path slide, Status status, Optional<SlideResult> result, Optional<Path> folder,
                           String error, long millis, Optional<Throwable> cause) {
    /** The three ways a slide ends. */
    public enum Status { DONE, SKIPPED, FAILED }

    public SlideOutcome {
        Objects.requireNonNull(slide, "slide");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }

    /** An outcome without a recorded cause. */
    public SlideOutcome(Path slide, Status status, Optional<SlideResult> result, Optional<Path> folder,
                        String error, long millis) {
        this(slide, status, result, folder, error, millis, Optional.empty());
    }

    static SlideOutcome done(Path slide, SlideResult result, Path folder, long millis) {
        return new SlideOutcome(slide, Status.DONE, Optional.of(result), Optional.of(folder), "", millis);
    }

    static SlideOutcome skipped(Path slide, Path folder) {
        return new SlideOutcome(slide, Status.SKIPPED, Optional.empty(), Optional.of(folder), "", 0);
    }

    static SlideOutcome failed(Path slide, SlideFailure failure, long millis) {
        return new SlideOutcome(slide, Status.FAILED, Optional.empty(), Optional.empty(), failure.reason(), millis,
                Optional.of(failure.cause()));
    }
}
