package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gloinone.FileTrees;
import org.gloinone.job.OutputLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder through the command line, with the bundled models on small pieces of the sample: a run
 * killed with SIGKILL and then rerun, a second run refused by the lock, changed weight files under
 * {@code --resume}, and {@code summarize}.
 */
class OutputFolderCommandsTest {
    @TempDir
    static Path slides;

    static List<Path> four = new ArrayList<>();

    @BeforeAll
    static void slides() throws IOException {
        assumeTrue(Files.isDirectory(RunCommandTest.MODELS.resolve("detector")), "the bundled models are absent");
        Path piece = RunCommandTest.pieceOfSample(slides.resolve("piece.tif"), 1536);
        for (String name : List.of("a.tif", "b.tif", "c.tif", "d.tif")) {
            four.add(Files.copy(piece, slides.resolve(name)));
        }
    }

    private static String[] run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run"));
        four.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("-o", out.toString(), "--models", RunCommandTest.MODELS.toString(), "--stages", "detect",
                "--no-patches", "--formats", "csv"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The summary without its runtime column, which differs from run to run. */
    private static List<String> summaryTimesAside(Path out) throws IOException {
        return Files.readAllLines(out.resolve("summary.csv")).stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunKilledWithSigkillAndRerunGivesTheSummaryOfACleanRun(@TempDir Path clean, @TempDir Path killed)
            throws Exception {
        assertEquals(0, CliRunner.run(run(clean)).exitCode);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), GloInOne.class.getName()));
        command.addAll(List.of(run(killed)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(killed.resolveSibling(killed.getFileName() + ".log").toFile()).start();
        try {
            Path firstDone = killed.resolve("a.tif").resolve("run.json");
            while (!Files.exists(firstDone) && child.isAlive()) {
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the lock stays
            child.waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(killed.resolve(OutputLock.FILE_NAME)) || !Files.exists(killed.resolve("d.tif")),
                "killed while running");

        CliRunner rerun = CliRunner.run(run(killed, "--resume"));
        assertEquals(0, rerun.exitCode, rerun.err);
        assertTrue(rerun.err.contains("a.tif: skipped"), rerun.err);
        assertEquals(summaryTimesAside(clean), summaryTimesAside(killed));
        assertEquals(entries(clean), entries(killed), "no partial folders, no lock");
        assertEquals(5, summaryTimesAside(killed).size());
    }

    @Test
    void aSecondRunIsRefusedWithTheHolder(@TempDir Path out) throws IOException {
        try (OutputLock first = OutputLock.acquire(out)) {
            CliRunner second = CliRunner.run(run(out));
            assertEquals(2, second.exitCode, second.err);
            assertTrue(second.err.contains("in use by another glo-in-one run (pid " + ProcessHandle.current().pid()
                    + " on host "), second.err);
            assertEquals(List.of(OutputLock.FILE_NAME), entries(out), "it wrote nothing");
        }
    }

    @Test
    void changedWeightFilesAreRecomputedUnderResume(@TempDir Path models, @TempDir Path out) throws Exception {
        FileTrees.copy(RunCommandTest.MODELS, models);
        String[] args = {"run", four.get(0).toString(), "-o", out.toString(), "--models", models.toString(),
            "--stages", "detect", "--no-patches", "--formats", "csv", "--resume"};
        assertEquals(0, CliRunner.run(args).exitCode);
        CliRunner same = CliRunner.run(args);
        assertTrue(same.err.contains("a.tif: skipped"), same.err);
        // the weights change (one more file) and rdf.yaml declares their new sha256, as a retrained package does
        Path rdf = models.resolve("detector/rdf.yaml");
        String before = org.gloinone.model.WeightsDigest.sha256(models.resolve("detector/saved_model"));
        Files.writeString(models.resolve("detector/saved_model/retrained.txt"), "new weights");
        String after = org.gloinone.model.WeightsDigest.sha256(models.resolve("detector/saved_model"));
        Files.writeString(rdf, Files.readString(rdf).replace(before, after));
        CliRunner changed = CliRunner.run(args);
        assertEquals(0, changed.exitCode, changed.err);
        assertTrue(changed.err.contains("a.tif: done"), changed.err);
        assertFalse(changed.err.contains("skipped"), changed.err);
    }

    @Test
    void summarizeRebuildsTheSummaryFromTheSlideFolders(@TempDir Path out, @TempDir Path other) throws IOException {
        assertEquals(0, CliRunner.run("run", four.get(0).toString(), "-o", out.toString(), "--models",
                RunCommandTest.MODELS.toString(), "--stages", "detect", "--no-patches").exitCode);
        assertEquals(0, CliRunner.run("run", four.get(1).toString(), "-o", other.toString(), "--models",
                RunCommandTest.MODELS.toString(), "--stages", "detect", "--no-patches").exitCode);
        // a slide folder from a run on another machine is copied in
        FileTrees.copy(other.resolve("b.tif"), out.resolve("b.tif"));
        CliRunner r = CliRunner.run("summarize", out.toString());
        assertEquals(0, r.exitCode, r.err);
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("a.tif,a.tif,") && rows.get(2).startsWith("b.tif,b.tif,"), rows.toString());
        assertEquals(2, CliRunner.run("summarize", out.resolve("nothing").toString()).exitCode);
    }
}
