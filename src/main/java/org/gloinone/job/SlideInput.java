package org.gloinone.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideOpener;

/**
 * The slide a {@link SlideJob} works on: a slide file (fingerprinted, so its folder can be resumed) or an
 * image that is no file (e.g. one open in ImageJ), which is always recomputed.
 */
public sealed interface SlideInput {

    /** The name results and the slide folder are named after: the file name, or the image's title. */
    String name();

    /** The slide file, if the input is one. */
    Optional<Path> file();

    /** Opens the slide; the caller closes it. */
    Slide open() throws IOException;

    /** A slide file, opened by {@code opener}. */
    static SlideInput file(Path file, SlideOpener opener) {
        return new File(file, opener);
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
        public Slide open() throws IOException {
            return opener.open(path);
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
        public Slide open() throws IOException {
            return opening.open();
        }
    }
}
