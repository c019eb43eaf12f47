package org.gloinone.slide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.slide.bioformats.BioFormatsSlideBackend;
import org.gloinone.slide.imagej.ImageJSlideBackend;
import org.gloinone.slide.openslide.OpenSlideBackend;
import org.gloinone.slide.tiff.TiffSlideBackend;

/**
 * Opens a slide with the first backend that can read it. Backends are asked in their listed order,
 * first whether they recognise the file's content (its header bytes), then whether they claim its
 * extension; unavailable backends (a missing native library, Bio-Formats outside Fiji) are skipped.
 * When a chosen backend fails to open the file, the next candidate is tried, so that, say, a slide the
 * built-in reader cannot decode can still be read by OpenSlide. The resulting {@link Slide} says which
 * backend read it ({@link Slide#backendName()}); {@link #choose(Path)} gives the whole decision as text.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class SlideOpener {
    /** Header bytes handed to {@link SlideBackend#recognises(Path, byte[])}. */
    public static final int HEADER_BYTES = 4096;

    private final List<SlideBackend> backends;

    /**
     * An opener over the given backends, asked in this order.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public SlideOpener(List<? extends SlideBackend> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a slide opener needs at least one backend");
        }
        this.backends = List.copyOf(backends);
    }

    /** An opener over {@link #defaultBackends()}. */
    public static SlideOpener withDefaultBackends() {
        return new SlideOpener(defaultBackends());
    }

    /**
     * The default backends in order of preference: the built-in TIFF reader, OpenSlide, ImageJ,
     * Bio-Formats. Each one reports for itself whether it is available on this machine.
     */
    public static List<SlideBackend> defaultBackends() {
        List<SlideBackend> list = new ArrayList<>();
        // The built-in pure-Java TIFF reader comes first: no native code, and the fastest on TIFF pyramids.
        list.add(new TiffSlideBackend());
        list.add(new OpenSlideBackend());
        list.add(new ImageJSlideBackend());
        list.add(new BioFormatsSlideBackend());
        return List.copyOf(list);
    }

    /** The backends, in the order they are asked. */
    public List<SlideBackend> backends() {
        return backends;
    }

    /**
     * Opens the file with the first candidate backend that succeeds.
     *
     * @throws SlideException naming the file when it is missing, unreadable, or no backend can open it;
     *                        the message lists each backend's reason
     */
    public Slide open(Path file) throws IOException {
        Choice choice = choose(file);
        List<String> failures = new ArrayList<>();
        for (Candidate candidate : choice.candidates()) {
            try {
                Slide slide = candidate.backend().open(file);
                boolean knowsPixelSize = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent();
                // Keep the earlier backends' diagnosis: "no pixel size" alone would hide why they refused it.
                return failures.isEmpty() || knowsPixelSize ? slide : AssumedPixelSize.missingBecause(slide,
                        candidate.backend().name() + " opened it but finds none, after " + String.join("; ", failures));
            } catch (IOException | RuntimeException e) {
                // A runtime failure inside one backend (e.g. a library bug on a malformed file) must not
                // hide the other backends; it is reported with the rest if nobody succeeds.
                failures.add(candidate.backend().name() + ": " + withoutFileName(file, e));
            }
        }
        throw new SlideException(file, choice.candidates().isEmpty()
                ? choice.describe()
                : "no backend could open it (" + String.join("; ", failures) + ")" + unavailableSuffix(choice));
    }

    /**
     * Decides, without opening the file, which backends would be tried and why.
     *
     * @throws SlideException naming the file when it does not exist or cannot be read
     */
    public Choice choose(Path file) throws SlideException {
        byte[] header = readHeader(file);
        String extension = extensionOf(file);
        List<Candidate> candidates = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (SlideBackend backend : backends) {
            if (!backend.isAvailable()) {
                unavailable.add(backend.name() + " (" + backend.unavailableReason() + ")");
            } else if (backend.recognises(file, header)) {
                candidates.add(new Candidate(backend, Basis.CONTENT));
            }
        }
        for (SlideBackend backend : backends) {
            if (backend.isAvailable() && !extension.isEmpty() && backend.extensions().contains(extension)
                    && candidates.stream().noneMatch(c -> c.backend() == backend)) {
                candidates.add(new Candidate(backend, Basis.EXTENSION));
            }
        }
        return new Choice(file, describeHeader(header), extension, candidates, unavailable);
    }

    private static byte[] readHeader(Path file) throws SlideException {
        if (!Files.exists(file)) {
            throw new SlideException(file, FileProblems.whyMissing(file));
        }
        if (Files.isDirectory(file)) {
            throw new SlideException(file, "is a folder, not a slide file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new SlideException(file, "cannot be read: " + FileProblems.reason(e), e);
        }
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String withoutFileName(Path file, Exception e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        String prefix = file.getFileName() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String unavailableSuffix(Choice choice) {
        return choice.unavailable().isEmpty() ? "" : "; not available here: " + String.join(", ", choice.unavailable());
    }

    private static String describeHeader(byte[] header) {
        if (header.length == 0) {
            return "empty file";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, header.length); i++) {
            hex.append(String.format(Locale.ROOT, "%02x", header[i] & 0xff));
        }
        return "starts with " + hex;
    }

    /** Why a backend is a candidate: it recognised the content, or only the file extension. */
    public enum Basis {
        /** The backend recognised the header bytes (or its library recognised the file). */
        CONTENT,
        /** The backend claims the file's extension. */
        EXTENSION
    }

    /**
     * One backend to try, with the reason it was chosen.
     *
     * @param backend the backend
     * @param basis   content or extension
     */
    public record Candidate(SlideBackend backend, Basis basis) {
    }

    /**
     * The opener's decision for one file: the backends to try in order and those skipped as unavailable.
     *
     * @param file        the file
     * @param header      a short description of its first bytes
     * @param extension   its lower-case extension, or empty
     * @param candidates  backends to try, in order
     * @param unavailable skipped backends with their reasons
     */
    public record Choice(Path file, String header, String extension, List<Candidate> candidates,
                         List<String> unavailable) {
        public Choice {
            candidates = List.copyOf(candidates);
            unavailable = List.copyOf(unavailable);
        }

        /** The first backend to try, if any. */
        public Optional<SlideBackend> first() {
            return candidates.stream().findFirst().map(Candidate::backend);
        }

        /** The decision in words, e.g. {@code "openslide (recognised the content), then imagej (extension .tif)"}. */
        public String describe() {
            if (candidates.isEmpty()) {
                String what = extension.isEmpty() ? "no extension" : "extension ." + extension;
                return "no backend recognises this file (" + header + ", " + what + ")"
                        + (unavailable.isEmpty() ? "" : "; not available here: " + String.join(", ", unavailable));
            }
            List<String> parts = new ArrayList<>();
            for (Candidate c : candidates) {
                parts.add(c.backend().name() + (c.basis() == Basis.CONTENT
                        ? " (recognised the content)" : " (extension ." + extension + ")"));
            }
            return String.join(", then ", parts)
                    + (unavailable.isEmpty() ? "" : "; skipped as not available: " + String.join(", ", unavailable));
        }
    }
}
