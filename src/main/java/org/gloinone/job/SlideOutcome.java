package org.gloinone.job;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.io.RunManifest;
import org.gloinone.pipeline.SlideResult;

/**
 * What happened to one slide.
 *
 * @param slide    the slide file (or the image's name)
 * @param status   done, skipped (finished earlier, on resume) or failed
 * @param result   the result, when done
 * @param folder   the complete slide folder, when done or skipped
 * @param manifest the folder's {@code run.json}, when done or skipped
 * @param error    why it failed (names the slide), or an empty string
 * @param millis   wall time spent on the slide
 * @param cause    what was thrown, when failed (its stack trace is for a log file, not the terminal)
 */
public record SlideOutcome(Path slide, Status status, Optional<SlideResult> result, Optional<Path> folder,
                           Optional<RunManifest> manifest, String error, long millis, Optional<Throwable> cause) {
    /** The three ways a slide ends. */
    public enum Status { DONE, SKIPPED, FAILED }

    public SlideOutcome {
        Objects.requireNonNull(slide, "slide");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }

    static SlideOutcome done(Path slide, SlideResult result, Path folder, RunManifest manifest, long millis) {
        return new SlideOutcome(slide, Status.DONE, Optional.of(result), Optional.of(folder), Optional.of(manifest),
                "", millis, Optional.empty());
    }

    static SlideOutcome skipped(Path slide, Path folder, RunManifest manifest) {
        return new SlideOutcome(slide, Status.SKIPPED, Optional.empty(), Optional.of(folder), Optional.of(manifest),
                "", 0, Optional.empty());
    }

    static SlideOutcome failed(Path slide, SlideFailure failure, long millis) {
        return new SlideOutcome(slide, Status.FAILED, Optional.empty(), Optional.empty(), Optional.empty(),
                failure.reason(), millis, Optional.of(failure.cause()));
    }
}
