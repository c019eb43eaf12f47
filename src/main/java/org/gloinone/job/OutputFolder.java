package org.gloinone.job;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gloinone.io.ResultNames;
import org.gloinone.io.ResultTables;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;
import org.gloinone.io.SlideFingerprint;
import org.gloinone.model.Folders;

/**
 * An output folder, which is the truth about a cohort: one folder per slide file, each complete with its
 * {@code run.json}, and {@code summary.csv} rebuilt from those manifests alone.
 *
 * <p>Names cannot collide by construction: a slide folder is named after the whole file name
 * ({@code x.tif/}, {@code x.svs/}), never starts with '.', and is never {@code summary.csv}; when that name
 * already holds another slide file's results, the slide gets {@code x.tif (2)/}, {@code x.tif (3)/}, ...
 * Temporary and moved-aside folders are hidden ({@code .x.tif.partial-<random>}, {@code .x.tif.old-<random>}),
 * so they never equal a slide folder. A folder is replaced only by a newer run of the same slide file: the
 * same name and the same path or fingerprint (a copy on another machine is the same slide), or, for a folder
 * whose {@code run.json} is unreadable, the slide its plain name belongs to.
 *
 * <p>Writers of different slide files never disturb each other (each writes under its own random hidden
 * name). Choosing a numbered name is not atomic, though: two processes writing two different files of the
 * same name at the same moment could pick the same folder, so one run at a time holds the {@link OutputLock}
 * (a cohort runner takes it once, in its driver, and gives same-named files to one worker).
 */
public final class OutputFolder {
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)(" + Pattern.quote(ResultWriter.PARTIAL)
            + "|" + Pattern.quote(ResultWriter.ASIDE) + ")[0-9a-f]+");

    private final Path root;

    /** @param root the output folder (it need not exist yet) */
    public OutputFolder(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The output folder. */
    public Path root() {
        return root;
    }

    /** The plain folder name of a slide: its file name made file-safe, a leading '.' as '_'. */
    public static String plainName(String slideName) {
        String name = ResultNames.fileSafe(slideName);
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }

    /**
     * The folder of a slide: its plain name, or the first numbered name that is free or already holds this
     * slide file's results.
     *
     * @param slideName   the slide's file name (or image title)
     * @param sourcePath  the slide file's absolute path, "" for an image without a file
     * @param fingerprint the slide file's fingerprint, null for an image without a file
     */
    public Path slideFolder(String slideName, String sourcePath, SlideFingerprint fingerprint) {
        String plain = plainName(slideName);
        for (int n = 1; ; n++) {
            String name = n == 1 ? plain : plain + " (" + n + ")";
            if (name.equals(ResultWriter.SUMMARY)) {
                continue;
            }
            Path folder = root.resolve(name);
            if (!Files.exists(folder)) {
                return folder;
            }
            if (!Files.isDirectory(folder)) {
                continue;
            }
            Optional<RunManifest> m = manifest(folder);
            if (m.isEmpty() ? n == 1 : isSameSlide(m.get(), slideName, sourcePath, fingerprint)) {
                return folder;
            }
        }
    }

    private static boolean isSameSlide(RunManifest m, String slideName, String sourcePath,
                                       SlideFingerprint fingerprint) {
        if (!m.slideName().equals(slideName)) {
            return false;
        }
        if (fingerprint == null) {
            return m.slide() == null; // an image, known by its title only
        }
        return m.sourcePath().equals(sourcePath) || fingerprint.equals(m.slide());
    }

    /** The manifest of a slide folder; empty when it has none or it cannot be read (then it is recomputed). */
    public static Optional<RunManifest> manifest(Path slideFolder) {
        Path file = slideFolder.resolve(ResultWriter.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunManifest.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every complete slide folder (a visible folder with a readable {@code run.json}), by name. */
    public SortedMap<String, RunManifest> completeSlides() throws IOException {
        SortedMap<String, RunManifest> slides = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return slides;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isDirectory(entry)) {
                    manifest(entry).ifPresent(m -> slides.put(name, m));
                }
            }
        }
        return slides;
    }

    /**
     * Rebuilds {@code summary.csv} from every complete slide folder (atomically).
     *
     * @return the summary file
     */
    public Path writeSummary() throws IOException {
        Files.createDirectories(root);
        Path file = root.resolve(ResultWriter.SUMMARY);
        ResultTables.writeSummary(completeSlides(), file);
        return file;
    }

    /**
     * Cleans up after a process that was killed while writing: removes partial folders, and puts back a
     * complete folder that was moved aside when its replacement never arrived. Call only while holding the
     * {@link OutputLock}, when no one else writes here.
     */
    public void recoverLeftovers() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, ".*")) {
            for (Path entry : entries) {
                Matcher m = LEFTOVER.matcher(entry.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(entry)) {
                    continue;
                }
                Path slideFolder = root.resolve(m.group(1));
                if (m.group(2).equals(ResultWriter.ASIDE) && !Files.exists(slideFolder)) {
                    Files.move(entry, slideFolder);
                } else {
                    Folders.deleteTree(entry);
                }
            }
        }
    }
}
