package org.gloinone.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.gloinone.model.ModelException;
import org.gloinone.slide.FileProblems;

/**
 * Why one slide failed, as the one line a user reads, whatever was thrown: a readable problem (an
 * {@link IOException} or {@link ModelException} already says what is wrong), a full disk, a denied
 * permission, a file name the system cannot store, an allocation too large for the Java heap, or a defect
 * in the program. The stack trace is kept apart ({@link #details()}) for a log file or {@code --debug},
 * so none reaches the user's terminal. Cancellation is not a failure and is never classified here.
 *
 * @param reason  one line naming the slide file and what went wrong
 * @param cause   what was thrown
 */
public record SlideFailure(String reason, Throwable cause) {
    public SlideFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }

    /**
     * Classifies {@code thrown} for the slide file {@code slideName}.
     *
     * @throws CancellationException when {@code thrown} is one: cancelling is the user's decision, not a failure
     * @throws VirtualMachineError   other than {@link OutOfMemoryError} (e.g. an internal JVM error), which
     *                               leaves the process unusable
     */
    public static SlideFailure of(String slideName, Throwable thrown) {
        if (thrown instanceof CancellationException c) {
            throw c;
        }
        if (thrown instanceof VirtualMachineError v && !(v instanceof OutOfMemoryError)
                && !(v instanceof StackOverflowError)) {
            throw v;
        }
        return new SlideFailure(named(slideName, problem(thrown)), thrown);
    }

    /** The stack trace, for a log file or {@code --debug}. */
    public String details() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            out.println(reason);
            cause.printStackTrace(out);
        }
        return text.toString();
    }

    private static String problem(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "ran out of memory: the file asks for more than this program may allocate ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); the file is likely corrupt";
        }
        if (t instanceof StackOverflowError) {
            return "the file's structure nests too deeply to be read; the file is likely corrupt";
        }
        if (t instanceof InvalidPathException e) {
            return "its name cannot be used for an output file on this system (" + e.getReason() + " in '"
                    + e.getInput() + "'); rename the slide, or run with a UTF-8 locale (e.g. LC_ALL=C.UTF-8)";
        }
        String diskFull = diskFull(t);
        if (diskFull != null) {
            return "the output disk is full (" + diskFull + "); free space and run again with --resume";
        }
        if (t instanceof FileSystemException f) {
            return FileProblems.describe(f);
        }
        if (t instanceof IOException || t instanceof ModelException) {
            String message = t.getMessage();
            return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        }
        return "internal error (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())) + ")";
    }

    /** The system's words for a full disk anywhere in the cause chain, or null. */
    private static String diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.toLowerCase(Locale.ROOT).contains("no space left")
                    || m.toLowerCase(Locale.ROOT).contains("disk quota exceeded")
                    || m.toLowerCase(Locale.ROOT).contains("not enough space"))) {
                return firstLine(c instanceof FileSystemException f && f.getReason() != null ? f.getReason() : m);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String named(String slideName, String problem) {
        String line = firstLine(problem);
        return line.startsWith(slideName) ? line : slideName + ": " + line;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
