package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.gloinone.model.Folders;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.slide.FileProblems;

/**
 * Writes everything about one slide into its slide folder (which folder is the caller's choice, see
 * {@code org.gloinone.job.OutputFolder}).
 *
 * <p>The slide folder appears whole or not at all: files are written into a hidden sibling
 * {@code .<folder>.partial-<random>}, which is renamed to the folder's name only when every file is complete.
 * Hidden names can never be a slide folder's name, and the random part keeps two writers apart. A cancelled
 * or failed write removes its partial folder and leaves an earlier complete folder as it was. Each file is
 * itself written under a temporary name and renamed ({@link AtomicFiles}).
 */
public final class ResultWriter {
    /** Name of the run manifest in a slide folder. */
    public static final String MANIFEST = "run.json";
    /** Name of the run summary in the output folder. */
    public static final String SUMMARY = "summary.csv";
    /** Suffix (before the random part) of a slide folder being written. */
    public static final String PARTIAL = ".partial-";
    /** Suffix (before the random part) of a complete slide folder moved aside while its newer run replaces it. */
    public static final String ASIDE = ".old-";

    private final OutputOptions options;
    private final List<SlideFileWriter> extraWriters;

    /**
     * @param options      which files to write
     * @param extraWriters further per-slide files (e.g. the ImageJ ROI set), written after the others
     */
    public ResultWriter(OutputOptions options, List<SlideFileWriter> extraWriters) {
        this.options = Objects.requireNonNull(options, "options");
        this.extraWriters = List.copyOf(extraWriters);
    }

    /**
     * What a slide's files are made from, beyond the result itself.
     *
     * @param manifest  the run manifest, written last so that its presence marks the folder complete
     * @param thumbnail the slide's thumbnail for the overlay
     * @param patches   the glomerulus patches
     */
    public record SlideExtras(Optional<RunManifest> manifest, Optional<Thumbnail> thumbnail,
                              List<GlomerulusPatch> patches) {
        public SlideExtras {
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(thumbnail, "thumbnail");
            patches = List.copyOf(patches);
        }

        /** No manifest, thumbnail nor patches. */
        public static SlideExtras none() {
            return new SlideExtras(Optional.empty(), Optional.empty(), List.of());
        }
    }

    /**
     * Creates the output folder if needed and checks that files can be made in it, before any slide is run.
     *
     * @throws IOException naming the folder and the reason: it is a file, or it cannot be created or written
     */
    public static void prepareOutputFolder(Path outputFolder) throws IOException {
        if (Files.exists(outputFolder) && !Files.isDirectory(outputFolder)) {
            throw new IOException(outputFolder + ": the output is a file, not a folder; give a folder with -o");
        }
        try {
            Files.createDirectories(outputFolder);
            Files.delete(Files.createTempFile(outputFolder, ".write-test", ".tmp"));
        } catch (IOException e) {
            throw new IOException(outputFolder + ": cannot write results here (" + FileProblems.describe(e) + ")", e);
        }
    }

    /** The hidden name a slide folder is written under before it is published. */
    public static Path partialFolder(Path slideFolder) {
        return slideFolder.resolveSibling("." + slideFolder.getFileName() + PARTIAL + randomHex());
    }

    /**
     * Writes the chosen files of {@code result} into {@code slideFolder}, replacing what was there.
     *
     * @return {@code slideFolder}, complete
     * @throws java.util.concurrent.CancellationException if cancelled; nothing is left behind
     */
    public Path write(SlideResult result, SlideExtras extras, Path slideFolder, CancellationToken cancel)
            throws IOException {
        String stem = ResultNames.slideStem(result.slide().name());
        Files.createDirectories(slideFolder.toAbsolutePath().getParent());
        Path partial = partialFolder(slideFolder);
        Files.createDirectory(partial);
        boolean done = false;
        try {
            writeFiles(result, extras, stem, partial, cancel);
            cancel.throwIfCancelled();
            publish(partial, slideFolder);
            done = true;
            return slideFolder;
        } finally {
            if (!done) {
                Folders.deleteTree(partial);
            }
        }
    }

    private void writeFiles(SlideResult result, SlideExtras extras, String stem, Path folder, CancellationToken cancel)
            throws IOException {
        var formats = options.formats();
        if (formats.contains(OutputFormat.XML)) {
            new ImageScopeXml(options.includeNonGlomerular()).writeCircles(result, folder.resolve(stem + ".xml"));
            new ImageScopeXml(options.includeNonGlomerular()).writeOutlines(result, folder.resolve(stem + "-masks.xml"));
        }
        cancel.throwIfCancelled();
        if (formats.contains(OutputFormat.GEOJSON)) {
            new GeoJson().write(result, folder.resolve(stem + ".geojson"));
        }
        if (formats.contains(OutputFormat.CSV)) {
            ResultTables.writeGlomeruli(result, folder.resolve(stem + "-glomeruli.csv"));
        }
        cancel.throwIfCancelled();
        if (formats.contains(OutputFormat.OVERLAY) && extras.thumbnail().isPresent()) {
            OverlayWriter.write(result, extras.thumbnail().get(), folder.resolve(stem + "-overlay.png"));
        }
        if (options.writePatches()) {
            for (GlomerulusPatch p : extras.patches()) {
                cancel.throwIfCancelled();
                PatchWriter.write(stem, p, folder);
            }
        }
        for (SlideFileWriter w : extraWriters) {
            cancel.throwIfCancelled();
            w.write(result, folder.resolve(w.fileName(stem)));
        }
        // The manifest last: its presence says the folder is complete and may be skipped on resume.
        if (extras.manifest().isPresent()) {
            extras.manifest().get().write(folder.resolve(MANIFEST));
        }
    }

    /**
     * Replaces {@code target} by {@code partial}: an earlier folder is moved aside under a hidden name first,
     * and removed once the new one is in place. A process killed in between leaves the earlier folder aside,
     * where {@code OutputFolder} finds and restores it.
     */
    private static void publish(Path partial, Path target) throws IOException {
        Path aside = target.resolveSibling("." + target.getFileName() + ASIDE + randomHex());
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            Files.move(target, aside);
        }
        try {
            Files.move(partial, target);
        } catch (IOException e) {
            if (hadOld) {
                Files.move(aside, target); // put the earlier complete results back
            }
            throw e;
        }
        Folders.deleteTree(aside);
    }

    private static String randomHex() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
