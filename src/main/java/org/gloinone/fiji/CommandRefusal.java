package org.gloinone.fiji;

/**
 * A script's or headless Fiji's command refused its input (a missing slide, a bad option, an unreadable file, no
 * engine installed). SciJava's module runner logs any exception a command throws with its stack trace; a refusal
 * carries none, so the console shows the one-line reason only. Defects keep their traces.
 */
final class CommandRefusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param reason the one-line reason the user reads */
    CommandRefusal(String reason) {
        super(reason);
    }

    /** A refusal carrying {@code e}'s message (for an unchecked I/O error, its cause's). */
    static CommandRefusal of(RuntimeException e) {
        Throwable said = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return new CommandRefusal(said.getMessage());
    }

    /** Not filled: the reason is the whole message, and no frame of it helps the user. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
