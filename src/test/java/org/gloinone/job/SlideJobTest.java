package org.gloinone.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.gloinone.batch.BatchReport;
import org.gloinone.batch.BatchRunner;
import org.gloinone.batch.BatchSettings;
import org.gloinone.io.OutputOptions;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineFixtures;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.StageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slide job and the output folder it keeps true, with the small real networks on generated slides:
 * resume keeps every row, names never collide, a killed run leaves nothing a rerun cannot mend, a second
 * run is refused by the lock, changed weights and damaged manifests are recomputed.
 */
class SlideJobTest {
    private static PipelineModels models;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        models = PipelineFixtures.models();
    }

    @AfterAll
    static void close() {
        for (Task t : Task.values()) {
            models.forTask(t).ifPresent(m -> m.predictor().close());
        }
    }

    private static BatchSettings settings(Path out, boolean resume) {
        return new BatchSettings(JobOptions.detecting(out, PipelineOptions.defaults(), OutputOptions.defaults()
                .withPatches(false), List.of(), resume), false);
    }

    private static BatchReport run(PipelineModels networks, Path out, boolean resume, Path... slides)
            throws IOException {
        return new BatchRunner(networks, GeneratedSlideFiles.opener(), settings(out, resume))
                .run(List.of(slides), s -> ProgressListener.SILENT, o -> { }, new CancellationToken());
    }

    private static List<String> summary(Path out) throws IOException {
        return Files.readAllLines(out.resolve("summary.csv"));
    }

    /** The summary without its runtime column, which differs from run to run. */
    private static List<String> summaryTimesAside(Path out) throws IOException {
        return summary(out).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void resumeWithAnAddedSlideKeepsBothRows() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path b = GeneratedSlideFiles.create(dir.resolve("in"), "b.tif");
        Path out = dir.resolve("out");
        run(models, out, false, a);
        BatchReport second = run(models, out, true, a, b);
        assertEquals(List.of(SlideOutcome.Status.SKIPPED, SlideOutcome.Status.DONE),
                second.outcomes().stream().map(SlideOutcome::status).toList());
        List<String> rows = summary(out);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("a.tif,a.tif,6,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("b.tif,b.tif,6,"), rows.get(2));
    }

    @Test
    void fiveCollidingNamesGiveFiveFoldersAndFiveRows() throws IOException {
        List<String> names = List.of("x.tif", "x.old.tif", "x.partial.tif", "y.svs", "y.tif", "summary.csv.tif");
        List<Path> slides = new ArrayList<>();
        for (String n : names) {
            slides.add(GeneratedSlideFiles.create(dir.resolve("in"), n));
        }
        Path out = dir.resolve("out");
        BatchReport report = run(models, out, false, slides.toArray(Path[]::new));
        assertTrue(report.allSucceeded(), report.failures().toString());
        run(models, out, false, slides.toArray(Path[]::new)); // a second run replaces each folder by its own
        assertEquals(List.of("summary.csv", "summary.csv.tif", "x.old.tif", "x.partial.tif", "x.tif", "y.svs",
                "y.tif"), entries(out));
        List<String> rows = summary(out);
        assertEquals(names.size() + 1, rows.size(), rows.toString());
        for (String n : names) {
            assertTrue(rows.stream().anyMatch(r -> r.startsWith(n + "," + n + ",6,")), n + " in " + rows);
            assertEquals(n, OutputFolder.manifest(out.resolve(n)).orElseThrow().slideName());
            assertTrue(Files.isRegularFile(out.resolve(n).resolve(n.substring(0, n.lastIndexOf('.'))
                    + "-glomeruli.csv")), n);
        }
    }

    @Test
    void sameNamedFilesOfTwoFoldersGetTwoFoldersAndKeepThemOnRerun() throws IOException {
        Path first = GeneratedSlideFiles.create(dir.resolve("site 1"), "a.tif");
        Path second = GeneratedSlideFiles.create(dir.resolve("site 2"), "a.tif");
        Files.writeString(second, "another scan");
        Path out = dir.resolve("out");
        run(models, out, false, first, second);
        run(models, out, false, second, first); // other order, same folders
        assertEquals(List.of("a.tif", "a.tif (2)", "summary.csv"), entries(out));
        assertEquals(first.toAbsolutePath().normalize().toString(),
                OutputFolder.manifest(out.resolve("a.tif")).orElseThrow().sourcePath());
        assertEquals(second.toAbsolutePath().normalize().toString(),
                OutputFolder.manifest(out.resolve("a.tif (2)")).orElseThrow().sourcePath());
        assertEquals(3, summary(out).size());
    }

    @Test
    void leftoversOfAKilledRunAreMendedAndTheSummaryMatchesACleanRun() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path b = GeneratedSlideFiles.create(dir.resolve("in"), "b.tif");
        Path clean = dir.resolve("clean");
        run(models, clean, false, a, b);

        // What kill -9 can leave: a's complete folder moved aside while its replacement was being renamed,
        // b's folder half written, and the dead run's lock.
        Path killed = dir.resolve("killed");
        run(models, killed, false, a);
        Files.move(killed.resolve("a.tif"), killed.resolve(".a.tif.old-1f"));
        Files.createDirectories(killed.resolve(".b.tif.partial-2e"));
        Files.writeString(killed.resolve(".b.tif.partial-2e").resolve("b.xml"), "<Annotations");
        Files.writeString(killed.resolve(OutputLock.FILE_NAME), deadPid() + "@" + localHost() + "\n");
        Files.delete(killed.resolve("summary.csv"));

        run(models, killed, true, a, b);
        assertEquals(summaryTimesAside(clean), summaryTimesAside(killed));
        assertEquals(entries(clean), entries(killed), "no leftovers, no lock");
    }

    @Test
    void aSecondRunIsRefusedNamingTheHolderAndTheFirstLosesNothing() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path out = dir.resolve("out");
        run(models, out, false, a);
        List<String> before = summary(out);
        try (OutputLock held = OutputLock.acquire(out)) {
            OutputLock.HeldException e = assertThrows(OutputLock.HeldException.class,
                    () -> run(models, out, false, a));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid() + " on host "), e.getMessage());
            assertTrue(e.getMessage().contains(OutputLock.FILE_NAME), e.getMessage());
            assertEquals(before, summary(out));
        }
        assertFalse(Files.exists(out.resolve(OutputLock.FILE_NAME)), "released");
        run(models, out, true, a);
    }

    @Test
    void aLockOfAnotherHostIsNeverTakenOver() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(OutputLock.FILE_NAME), deadPid() + "@some-other-host\n2026-01-01T00:00:00Z\n");
        OutputLock.HeldException e = assertThrows(OutputLock.HeldException.class, () -> OutputLock.acquire(out));
        assertTrue(e.getMessage().contains("on host some-other-host since 2026-01-01T00:00:00Z"), e.getMessage());
    }

    @Test
    void changedWeightsAreRecomputedOnResume() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path out = dir.resolve("out");
        run(models, out, false, a);
        assertEquals(SlideOutcome.Status.SKIPPED, run(models, out, true, a).outcomes().get(0).status());
        StageModel c = models.classifier().orElseThrow();
        ModelInfo retrained = new ModelInfo(c.info().task(), c.info().name(), c.info().version(), "ab".repeat(32));
        PipelineModels changed = new PipelineModels(models.detector(), Optional.of(new StageModel(c.spec(),
                c.predictor(), retrained)), models.segmenter());
        BatchReport again = run(changed, out, true, a);
        assertEquals(SlideOutcome.Status.DONE, again.outcomes().get(0).status());
        assertTrue(OutputFolder.manifest(out.resolve("a.tif")).orElseThrow().models().contains(retrained));
    }

    @Test
    void anUnreadableManifestIsRecomputedNotFailed() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path out = dir.resolve("out");
        run(models, out, false, a);
        Files.writeString(out.resolve("a.tif").resolve("run.json"), "{ truncated");
        BatchReport again = run(models, out, true, a);
        assertEquals(SlideOutcome.Status.DONE, again.outcomes().get(0).status(), again.outcomes().toString());
        assertEquals(List.of("a.tif", "summary.csv"), entries(out));
        assertEquals(2, summary(out).size());
    }

    @Test
    void aFailedSlideLeavesNoFolderAndTheOthersTheirRows() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path bad = Files.writeString(dir.resolve("in").resolve("bad.tif"), "broken");
        Path out = dir.resolve("out");
        BatchReport r = run(models, out, false, bad, a);
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).error().startsWith("bad.tif: "), r.failures().get(0).error());
        assertEquals(List.of("a.tif", "summary.csv"), entries(out));
    }

    @Test
    void cancellingKeepsTheEarlierFolderAndRebuildsTheSummary() throws IOException {
        Path a = GeneratedSlideFiles.create(dir.resolve("in"), "a.tif");
        Path out = dir.resolve("out");
        run(models, out, false, a);
        List<String> before = entries(out.resolve("a.tif"));
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class, () -> new BatchRunner(models, GeneratedSlideFiles.opener(),
                settings(out, false)).run(List.of(a), s -> (f, m) -> {
                    if (f > 0.5) {
                        cancel.cancel();
                    }
                }, o -> { }, cancel));
        assertEquals(before, entries(out.resolve("a.tif")));
        assertEquals(List.of("a.tif", "summary.csv"), entries(out));
        assertEquals(2, summary(out).size());
    }

    @Test
    void anImageWithoutAFileIsWrittenWithAManifestButNeverSkipped() throws IOException {
        Path out = dir.resolve("out");
        JobOptions options = new JobOptions(out, PipelineOptions.defaults(), OutputOptions.defaults(), List.of(),
                true, Optional.empty());
        SlideInput image = SlideInput.image("biopsy.png", PipelineFixtures::slide);
        SlideOutcome first = SlideJob.run(image, models, options, ProgressListener.SILENT, new CancellationToken());
        SlideOutcome second = SlideJob.run(image, models, options, ProgressListener.SILENT, new CancellationToken());
        assertEquals(SlideOutcome.Status.DONE, first.status());
        assertEquals(SlideOutcome.Status.DONE, second.status());
        assertEquals(out.resolve("biopsy.png"), second.folder().orElseThrow(), "the same image's folder");
        assertEquals("", second.manifest().orElseThrow().sourcePath());
        assertTrue(Files.isDirectory(out.resolve("biopsy.png").resolve("patches")));
    }

    @Test
    void folderNamesNeverStartWithADot() {
        assertEquals("_hidden.tif", OutputFolder.plainName(".hidden.tif"));
        assertEquals("a_b.svs", OutputFolder.plainName("a:b.svs"));
        assertNotEquals(OutputFolder.plainName("x.tif"), OutputFolder.plainName("x.svs"));
    }

    /** A pid that runs no process on this host now. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p.pid();
    }

    private static String localHost() throws IOException {
        return java.net.InetAddress.getLocalHost().getHostName();
    }
}
