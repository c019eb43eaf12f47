package org.gloinone.job;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a second run out of an output folder while one is writing there: the file
 * {@value #FILE_NAME} names the holder ({@code pid@host} and its start time). A second run is refused
 * with that name. The lock survives a crash of its holder, and is taken over when its holder is known to be
 * gone: a process of this host whose pid no longer runs. A lock of another host is never taken over; its
 * message says to delete the file once that run is known to have stopped.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file in the output folder (hidden, so never a slide folder). */
    public static final String FILE_NAME = ".glo-in-one.lock";

    private final Path file;
    private final String holder;

    private OutputLock(Path file, String holder) {
        this.file = file;
        this.holder = holder;
    }

    /** Another run holds the output folder. */
    public static final class HeldException extends IOException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock of {@code outputFolder}, creating the folder if needed.
     *
     * @throws HeldException naming the holder's pid and host when another live run holds it
     */
    public static OutputLock acquire(Path outputFolder) throws IOException {
        Files.createDirectories(outputFolder);
        Path file = outputFolder.resolve(FILE_NAME);
        String holder = ProcessHandle.current().pid() + "@" + hostName();
        String content = holder + "\n" + Instant.now() + "\n";
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new OutputLock(file, holder);
            } catch (FileAlreadyExistsException held) {
                Optional<List<String>> existing = read(file);
                if (existing.isEmpty()) {
                    continue; // released meanwhile
                }
                String other = existing.get().isEmpty() ? "" : existing.get().get(0);
                if (!isStale(other)) {
                    String since = existing.get().size() > 1 ? " since " + existing.get().get(1) : "";
                    throw new HeldException(outputFolder + " is in use by another glo-in-one run (pid "
                            + other.replace("@", " on host ") + since + "); wait for it, or delete "
                            + file + " if that run has stopped");
                }
                takeAway(file, existing.get());
            }
        }
        throw new HeldException(outputFolder + ": could not take " + FILE_NAME + "; another run keeps taking it");
    }

    /** Moves a stale lock out of the way, unless someone replaced it meanwhile (then it is put back). */
    private static void takeAway(Path file, List<String> stale) throws IOException {
        Path moved = file.resolveSibling(FILE_NAME + ".stale-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.move(file, moved);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (!read(moved).equals(Optional.of(stale))) {
            try {
                Files.move(moved, file); // a fresh lock of someone else
            } catch (FileAlreadyExistsException e) {
                Files.delete(moved);
            }
            return;
        }
        Files.delete(moved);
    }

    private static Optional<List<String>> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** True for {@code pid@host} of this host whose process no longer runs, or unreadable content. */
    static boolean isStale(String holder) {
        int at = holder.indexOf('@');
        if (at <= 0) {
            return true;
        }
        long pid;
        try {
            pid = Long.parseLong(holder.substring(0, at));
        } catch (NumberFormatException e) {
            return true;
        }
        return holder.substring(at + 1).equals(hostName())
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }

    /** {@code pid@host} of this lock's holder. */
    public String holder() {
        return holder;
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        Optional<List<String>> now = read(file);
        if (now.isPresent() && !now.get().isEmpty() && now.get().get(0).equals(holder)) {
            Files.delete(file);
        }
    }
}
