package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.model.Folders;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.slide.FileProblems;

/**
 * Writes everything about one slide into {@code <output>/<slide stem>/}, and the run summary.
 *
 * <p>The slide folder appears whole or not at all: files are written into
 * {@code <slide stem>.partial/}, which is renamed to its final name only when every file is complete.
 * A cancelled or failed write removes the partial folder and leaves an earlier complete folder as it
 * was. Each file is itself written under a temporary name and renamed ({@link AtomicFiles}).
 */
public final class ResultWriter {
    /** Name of the run manifest in a slide folder. */
    public static final String MANIFEST = "run.json";
    /** Name of the run summary in the output folder. */
    public static final String SUMMARY = "summary.csv";

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

    /** What a slide's files are made from, beyond the result itself. */
    public record SlideExtras(Optional<SlideFingerprint> fingerprint, Optional<Thumbnail> thumbnail,
                              List<GlomerulusPatch> patches) {
        public SlideExtras {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(thumbnail, "thumbnail");
            patches = List.copyOf(patches);
        }

        /** No fingerprint, thumbnail nor patches. */
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

    /** The folder a slide's results go to. */
    public static Path slideFolder(Path outputFolder, String slideName) {
        return outputFolder.resolve(ResultNames.slideStem(slideName));
    }

    /** The manifest of a slide's earlier run in {@code outputFolder}, if there is one. */
    public static Optional<RunManifest> existingManifest(Path outputFolder, String slideName) throws IOException {
        Path file = slideFolder(outputFolder, slideName).resolve(MANIFEST);
        return Files.isRegularFile(file) ? Optional.of(RunManifest.read(file)) : Optional.empty();
    }

    /**
     * Writes the chosen files of {@code result} into its slide folder under {@code outputFolder}.
     *
     * @return the complete slide folder
     * @throws java.util.concurrent.CancellationException if cancelled; nothing is left behind
     */
    public Path write(SlideResult result, SlideExtras extras, Path outputFolder, CancellationToken cancel)
            throws IOException {
        String stem = ResultNames.slideStem(result.slide().name());
        Files.createDirectories(outputFolder);
        Path finalFolder = outputFolder.resolve(stem);
        Path partial = outputFolder.resolve(stem + ".partial");
        Folders.deleteTree(partial); // left over from a run that was killed
        Files.createDirectories(partial);
        boolean done = false;
        try {
            writeFiles(result, extras, stem, partial, cancel);
            cancel.throwIfCancelled();
            publish(partial, finalFolder, outputFolder.resolve(stem + ".old"));
            done = true;
            return finalFolder;
        } finally {
            if (!done) {
                Folders.deleteTree(partial);
            }
        }
    }

    private void writeFiles(SlideResult result, SlideExtras extras, String stem, Path folder, CancellationToken cancel)
            throws IOException {
        var formats = options.formats();
        if (formats.contains(OutputFormat.IMAGESCOPE_XML)) {
            new ImageScopeXml(options.includeNonGlomerular()).writeCircles(result, folder.resolve(stem + ".xml"));
        }
        if (formats.contains(OutputFormat.IMAGESCOPE_MASKS_XML)) {
            new ImageScopeXml(options.includeNonGlomerular()).writeOutlines(result, folder.resolve(stem + "-masks.xml"));
        }
        cancel.throwIfCancelled();
        if (formats.contains(OutputFormat.GEOJSON)) {
            new GeoJson().write(result, folder.resolve(stem + ".geojson"));
        }
        if (formats.contains(OutputFormat.GLOMERULI_CSV)) {
            ResultTables.writeGlomeruli(result, folder.resolve(stem + "-glomeruli.csv"));
        }
        cancel.throwIfCancelled();
        if (formats.contains(OutputFormat.OVERLAY_PNG) && extras.thumbnail().isPresent()) {
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
        if (formats.contains(OutputFormat.MANIFEST) && extras.fingerprint().isPresent()) {
            RunManifest.of(result, extras.fingerprint().get()).write(folder.resolve(MANIFEST));
        }
    }

    /** Replaces {@code target} by {@code partial}: the old folder is moved aside first, then removed. */
    private static void publish(Path partial, Path target, Path aside) throws IOException {
        Folders.deleteTree(aside);
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

    /** Writes {@code summary.csv} for the slides of a run into {@code outputFolder} (atomically). */
    public static Path writeSummary(List<SlideResult> results, Path outputFolder) throws IOException {
        Files.createDirectories(outputFolder);
        Path file = outputFolder.resolve(SUMMARY);
        ResultTables.writeSummary(results, file);
        return file;
    }
}
