package org.gloinone.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import org.apache.hadoop.fs.Path;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;

/**
 * Puts a slide folder that a task wrote on its local disk into the output folder so that the output only ever
 * holds complete slide folders, one per slide, whatever Spark retries or runs twice:
 * <ol>
 *   <li>the folder is copied to {@code .<name>.partial-<attempt>} beside its final place (hidden, as the slide
 *       job names its own, and a name no other attempt uses, so a killed copy never mixes with another);</li>
 *   <li>it is renamed to {@code <name>} only if that name is free: a rename that never replaces;</li>
 *   <li>if {@code <name>} is there with the same identity (slide, models, options), another attempt of this
 *       slide won and this copy is dropped; a folder of an earlier run with another identity is moved aside to
 *       {@code .<name>.old-<attempt>} and removed once the new one is in place.</li>
 * </ol>
 * Copies left by attempts that died are removed by the driver at the end ({@link #isLeftover}).
 */
final class SlideFolderCommit {
    private static final int TRIES = 3;

    private SlideFolderCommit() {
    }

    /**
     * Commits {@code localFolder} (a complete slide folder with its {@code run.json}) as {@code <name>}.
     *
     * @param attempt a name unique to this task attempt
     * @return the slide folder in the output
     */
    static Path publish(OutputFolder out, java.nio.file.Path localFolder, String name, String attempt)
            throws IOException {
        RunManifest ours = RunManifest.read(localFolder.resolve(ResultWriter.MANIFEST));
        Path target = new Path(out.root(), name);
        Path partial = new Path(out.root(), "." + name + ResultWriter.PARTIAL + attempt);
        Path aside = new Path(out.root(), "." + name + ResultWriter.ASIDE + attempt);
        out.delete(partial);
        try {
            out.copyFromLocal(localFolder, partial);
            for (int i = 0; i < TRIES; i++) {
                Optional<RunManifest> there = manifestOf(out, target, localFolder);
                if (there.isPresent() && sameIdentity(there.get(), ours)) {
                    return target; // another attempt of this slide committed the same results
                }
                try {
                    if (out.exists(target) && !out.renameUnlessExists(target, aside)) {
                        continue;
                    }
                } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                    continue; // another attempt moved it first: look again
                }
                if (out.renameUnlessExists(partial, target)) {
                    out.delete(aside);
                    return target;
                }
            }
            throw new IOException(target + ": another writer keeps replacing this slide folder");
        } finally {
            out.delete(partial);
        }
    }

    /** Same program, slide file, models and result options: the same results, whichever attempt made them. */
    private static boolean sameIdentity(RunManifest a, RunManifest b) {
        return a.matches(b.programVersion(), b.models(), b.options(), b.slide());
    }

    /** True for the name of a copy that a dead attempt left in the output folder. */
    static boolean isLeftover(String name) {
        return name.startsWith(".") && (name.contains(ResultWriter.PARTIAL) || name.contains(ResultWriter.ASIDE));
    }

    private static Optional<RunManifest> manifestOf(OutputFolder out, Path folder, java.nio.file.Path scratch)
            throws IOException {
        java.nio.file.Path copy = Files.createTempFile(scratch.getParent(), "there-", ".json");
        try {
            return out.copyToLocal(new Path(folder, ResultWriter.MANIFEST), copy)
                    ? Optional.of(RunManifest.read(copy)) : Optional.empty();
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
