package org.gloinone.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.io.SlideFingerprint;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideOpener;

/**
 * The slide a {@link SlideJob} works on: a slide file (fingerprinted, so its folder can be resumed), a slide file
 * on another file system that is fetched only when it must be read, or an image that is no file (e.g. one open in
 * ImageJ), which is always recomputed.
 */
public sealed interface SlideInput {

    /** The name results and the slide folder are named after: the file name, or the image's title. */
    String name();

    /** The slide file, if the input is a local one. */
    Optional<Path> file();

    /** Where the slide file lies, as its results record it (absolute path or URI); "" for an image that is no file. */
    String sourcePath();

    /** What identifies the slide file, so that its folder can be resumed; null for an image that is no file. */
    SlideFingerprint fingerprint() throws IOException;

    /** Opens the slide; the caller closes it. */
    Slide open() throws IOException;

    /** A slide file, opened by {@code opener}. */
    static SlideInput file(Path file, SlideOpener opener) {
        return new File(file, opener);
    }

    /**
     * A slide file on another file system, identified there by {@code fingerprint} and copied to a local file by
     * {@code fetch} only when it is opened.
     */
    static SlideInput fetched(String name, String sourcePath, SlideFingerprint fingerprint, Fetch fetch,
                              SlideOpener opener) {
        return new Fetched(name, sourcePath, fingerprint, fetch, opener);
    }

    /** An image that is no file, opened by {@code slide}. */
    static SlideInput image(String name, Opening slide) {
        return new Image(name, slide);
    }

    /** How an image is opened as a slide. */
    @FunctionalInterface
    interface Opening {
        /** The slide; the caller closes it. */
        Slide open() throws IOException;
    }

    /** How a slide file on another file system becomes a local one. */
    @FunctionalInterface
    interface Fetch {
        /** Copies the slide to a local file, and gives that file. */
        Path fetch() throws IOException;
    }

    /**
     * A slide file.
     *
     * @param path   the file
     * @param opener the slide backends that may read it
     */
    record File(Path path, SlideOpener opener) implements SlideInput {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(opener, "opener");
        }

        @Override
        public String name() {
            return String.valueOf(path.getFileName());
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(path);
        }

        @Override
        public String sourcePath() {
            return path.toAbsolutePath().normalize().toString();
        }

        @Override
        public SlideFingerprint fingerprint() throws IOException {
            return SlideFingerprint.of(path.toAbsolutePath().normalize());
        }

        @Override
        public Slide open() throws IOException {
            return opener.open(path);
        }
    }

    /**
     * A slide file on another file system. A resumed run that finds its folder complete never fetches it.
     *
     * @param name        the file name
     * @param sourcePath  its URI
     * @param fingerprint its fingerprint, taken where it lies
     * @param fetch       how it becomes a local file
     * @param opener      the slide backends that may read the local file
     */
    record Fetched(String name, String sourcePath, SlideFingerprint fingerprint, Fetch fetch, SlideOpener opener)
            implements SlideInput {
        public Fetched {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sourcePath, "sourcePath");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(fetch, "fetch");
            Objects.requireNonNull(opener, "opener");
        }

        @Override
        public Optional<Path> file() {
            return Optional.empty();
        }

        @Override
        public Slide open() throws IOException {
            return opener.open(fetch.fetch());
        }
    }

    /**
     * An image that is no file.
     *
     * @param name    its title
     * @param opening how it becomes a slide
     */
    record Image(String name, Opening opening) implements SlideInput {
        public Image {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(opening, "opening");
        }

        @Override
        public Optional<Path> file() {
            return Optional.empty();
        }

        @Override
        public String sourcePath() {
            return "";
        }

        @Override
        public SlideFingerprint fingerprint() {
            return null;
        }

        @Override
        public Slide open() throws IOException {
            return opening.open();
        }
    }
}
