package org.gloinone.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.gloinone.io.ResultNames;
import org.gloinone.io.SlideFingerprint;
import org.gloinone.job.SlideInput;
import org.gloinone.model.Folders;
import org.gloinone.model.ModelException;
import org.gloinone.progress.CancellationToken;
import org.gloinone.slide.SlideOpener;

/**
 * One slide in one Spark task: run the slide job into a local folder and commit that folder whole into the output
 * ({@link SlideFolderCommit}). A slide that is not on a local disk is fetched to the executor's disk when the job
 * reads it, not when it resumes a complete folder. A slide that cannot be done becomes a failed record naming the
 * file and the task succeeds, so one bad slide never stops the cohort; a task that Spark kills leaves nothing
 * behind.
 */
final class SlideTask implements Function<SlideSource, SlideRecord> {
    private static final long serialVersionUID = 1L;

    private final CohortSettings settings;

    SlideTask(CohortSettings settings) {
        this.settings = settings;
    }

    @Override
    public SlideRecord call(SlideSource source) throws IOException {
        long start = System.nanoTime();
        java.nio.file.Path work = Files.createTempDirectory("glo-in-one-slide-");
        try {
            return run(source, work, start);
        } catch (CancellationException e) {
            throw e;
        } catch (IOException | ModelException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return SlideRecord.failed(source, message.contains(source.name()) ? message
                    : source.name() + ": " + message, secondsSince(start), Map.of());
        } finally {
            Folders.deleteTree(work);
        }
    }

    private SlideRecord run(SlideSource source, java.nio.file.Path work, long start)
            throws IOException, ModelException {
        Configuration conf = new Configuration();
        OutputFolder out = new OutputFolder(settings.output(), conf);
        SlideInput slide = slideInput(source, work, conf);
        java.nio.file.Path localOutput = work.resolve("out");
        String name = SlideJobAdapter.folderName(source.name());
        Path folder = new Path(out.root(), name);
        if (settings.resume()) {
            out.copyToLocal(new Path(folder, org.gloinone.io.ResultWriter.MANIFEST),
                    SlideJobAdapter.manifestForResume(localOutput, source.name()));
        }
        SlideJobAdapter.Outcome outcome = SlideJobAdapter.run(settings.runOptions(), settings.resume(), slide,
                localOutput, new CancellationToken());
        return switch (outcome.status()) {
            case SlideRecord.FAILED -> SlideRecord.failed(source, outcome.failure(), secondsSince(start),
                    outcome.modelSha256());
            case SlideRecord.SKIPPED -> new SlideRecord(source, SlideRecord.SKIPPED, "", folder.toString(),
                    secondsSince(start), outcome.modelSha256(), outcome.counts(), outcome.summaryCsv(),
                    out.readText(new Path(folder, ResultNames.slideStem(source.name()) + "-glomeruli.csv"))
                            .orElse(""));
            default -> {
                Path committed = SlideFolderCommit.publish(out, outcome.folder(), name, attemptName());
                yield new SlideRecord(source, SlideRecord.DONE, "", committed.toString(), secondsSince(start),
                        outcome.modelSha256(), outcome.counts(), outcome.summaryCsv(), outcome.glomeruliCsv());
            }
        };
    }

    /**
     * The slide: itself on a local disk, else the file on its file system, identified there (so that a resumed
     * slide whose folder is complete is not fetched) and copied into {@code work} only when it is read, with the
     * original's name and modification time.
     */
    private static SlideInput slideInput(SlideSource source, java.nio.file.Path work, Configuration conf)
            throws IOException {
        SlideOpener opener = SlideOpener.withDefaultBackends();
        Path path = new Path(source.uri());
        if ("file".equals(path.toUri().getScheme())) {
            return SlideInput.file(Paths.get(path.toUri()), opener);
        }
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(path);
        SlideFingerprint fingerprint;
        try (InputStream in = fs.open(path)) {
            fingerprint = SlideFingerprint.of(in, status.getLen(), status.getModificationTime());
        }
        java.nio.file.Path copy = work.resolve("slide").resolve(source.name());
        return SlideInput.fetched(source.name(), status.getPath().toString(), fingerprint, () -> {
            if (!Files.exists(copy)) {
                Files.createDirectories(copy.getParent());
                fs.copyToLocalFile(false, path, new Path(copy.toUri()), true);
                Files.setLastModifiedTime(copy, FileTime.fromMillis(status.getModificationTime()));
            }
            return copy;
        }, opener);
    }

    /** A name no other task attempt uses, also across applications writing to the same output. */
    private static String attemptName() {
        TaskContext task = TaskContext.get();
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return task != null ? Long.toHexString(task.taskAttemptId()) + random : random;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
