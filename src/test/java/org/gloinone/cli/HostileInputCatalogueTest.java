package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.gloinone.FileTrees;
import org.gloinone.slide.tiff.HostileTiffs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input catalogue (docs/RELIABILITY.md) end to end through the command line, in-process and each
 * under a time limit: every bad slide, option, output and model package is refused in one line naming it, with
 * the documented exit code, no stack trace, no partial folder, and the other slides of the batch complete.
 */
class HostileInputCatalogueTest {
    private static final Path MODELS = RunCommandTest.MODELS;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path slides;

    static Path good;

    @BeforeAll
    static void goodSlide() throws IOException {
        assumeTrue(Files.isDirectory(MODELS.resolve("detector")), "the bundled models are not in models/ yet");
        good = RunCommandTest.pieceOfSample(slides.resolve("good.tif"), 768);
    }

    private static CliRunner run(String... args) {
        CliRunner r = assertTimeoutPreemptively(LIMIT, () -> CliRunner.run(args));
        assertFalse(r.err.contains("\tat ") || r.out.contains("\tat "), "a stack trace reached the terminal:\n" + r.err);
        return r;
    }

    private static CliRunner runDetect(Path input, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", input.toString(), "-o", out.toString(),
                "--models", MODELS.toString(), "--stages", "detect", "--no-patches"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void eachBadSlideFailsAloneWithItsReasonAndTheBatchCompletes(@TempDir Path batch, @TempDir Path out)
            throws IOException {
        Files.copy(good, batch.resolve("a-good.tif"));
        HostileTiffs.jpegTileClaiming(batch.resolve("b-jpeg-header-40000x17000.tif"), 40_000, 17_000);
        HostileTiffs.aperioWithMpp(batch.resolve("c-mpp-999999.svs"), "999999");
        HostileTiffs.aperioWithMpp(batch.resolve("d-mpp-1e-300.svs"), "1e-300");
        HostileTiffs.dotsPerInch(batch.resolve("e-300-dpi.tif"), 1024, 300);
        HostileTiffs.sparse(batch.resolve("f-sparse-1000000.tif"), 1_000_000, 4096);
        HostileTiffs.pixelsPerCentimetre(batch.resolve("g-2.5e-6-um.tif"), 64, 4_000_000_000L);
        // Within the limits (100 x 100 mm at 0.5 um/px) but empty: its empty tiles must cost nothing.
        HostileTiffs.sparse(batch.resolve("h-sparse-200000.tif"), 200_000, 4096);
        Files.copy(good, batch.resolve("z-good.tif"));
        assertTrue(Files.size(batch.resolve("f-sparse-1000000.tif")) < 600_000);

        CliRunner r = runDetect(batch, out);

        assertEquals(1, r.exitCode, r.err);
        expectFailure(r, "b-jpeg-header-40000x17000.tif", "JPEG header claims 40000x17000 px");
        expectFailure(r, "c-mpp-999999.svs", "states a pixel size of 999999 um/px, outside the 0.05-20 um/px");
        expectFailure(r, "c-mpp-999999.svs", "--mpp");
        expectFailure(r, "d-mpp-1e-300.svs", "states a pixel size of 1E-300 um/px, outside the 0.05-20 um/px");
        expectFailure(r, "e-300-dpi.tif", "does not say its pixel size");
        expectFailure(r, "f-sparse-1000000.tif", "declares 1000000 x 1000000 px");
        expectFailure(r, "g-2.5e-6-um.tif", "states a pixel size of 0.0000025 um/px");
        for (String done : List.of("a-good.tif", "h-sparse-200000.tif", "z-good.tif")) {
            assertTrue(Files.isRegularFile(out.resolve(done).resolve("run.json")), done + " incomplete:\n" + r.err);
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, summary.size(), summary.toString());
        assertTrue(summary.get(2).startsWith("h-sparse-200000.tif,"), summary.get(2));
        assertEquals(List.of("a-good.tif", "glo-in-one.log", "h-sparse-200000.tif", "summary.csv", "z-good.tif"), listing(out));
        assertTrue(Files.readString(out.resolve("glo-in-one.log")).contains("\tat "), "the traces go to the log");
    }

    @Test
    void aBatchWhoseSlidesAllFailStillWritesItsSummary(@TempDir Path batch, @TempDir Path out) throws IOException {
        HostileTiffs.aperioWithMpp(batch.resolve("only.svs"), "999999");
        CliRunner r = runDetect(batch, out);
        assertEquals(1, r.exitCode, r.err);
        assertEquals(1, Files.readAllLines(out.resolve("summary.csv")).size());
    }

    @Test
    void anImplausibleStatedPixelSizeGivesWayToMpp(@TempDir Path out) throws IOException {
        Path svs = HostileTiffs.aperioWithMpp(slides.resolve("wrong-mpp.svs"), "999999");
        CliRunner r = runDetect(svs, out, "--mpp", "0.5");
        assertEquals(0, r.exitCode, r.err);
        assertTrue(Files.isRegularFile(out.resolve("wrong-mpp.svs").resolve("run.json")));
    }

    @Test
    void implausibleMppValuesAreUsageErrors(@TempDir Path out) throws IOException {
        Path plain = HostileTiffs.withoutPixelSize(slides.resolve("plain-1024.tif"), 1024);
        for (String mpp : List.of("4.9E-324", "999", "-1", "NaN")) {
            CliRunner r = runDetect(plain, out, "--mpp", mpp);
            assertEquals(2, r.exitCode, mpp + ": " + r.err);
            assertTrue(r.err.contains("--mpp must be a microscope pixel size within 0.05-20 um/px"), r.err);
        }
        assertEquals(List.of(), listing(out));
    }

    @Test
    void anOutputThatIsAFileIsNamedWithTheReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out.txt"), "x");
        CliRunner r = runDetect(good, file);
        assertEquals(2, r.exitCode, r.err);
        assertTrue(r.err.contains("out.txt: the output is a file, not a folder"), r.err);
    }

    @Test
    void aSymbolicLinkLoopIsNotCalledMissing(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.svs");
        Path b = dir.resolve("b.svs");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        CliRunner r = runDetect(a, dir.resolve("out"));
        assertEquals(2, r.exitCode, r.err);
        assertTrue(r.err.contains("a.svs: a symbolic link loop"), r.err);
    }

    @Test
    void anUnreadableSlideSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path slide = Files.copy(good, dir.resolve("noperm.tif"));
        assumeTrue(slide.toFile().setReadable(false, false) && !Files.isReadable(slide),
                "this user reads every file (root): permissions cannot be tested");
        CliRunner r = runDetect(slide, dir.resolve("out"));
        assertEquals(1, r.exitCode, r.err);
        expectFailure(r, "noperm.tif", "permission denied");
    }

    @Test
    void anEmptyModelsFolderIsRefusedInsteadOfUsingOtherModels(@TempDir Path models, @TempDir Path out) {
        CliRunner r = run("run", good.toString(), "-o", out.toString(), "--models", models.toString());
        assertEquals(2, r.exitCode, r.err);
        assertTrue(r.err.contains("without model packages"), r.err);
        CliRunner check = run("models", "check", "--models", models.toString());
        assertEquals(2, check.exitCode, check.err);
    }

    @Test
    void changedWeightsAreRefusedNamingTheFile(@TempDir Path models, @TempDir Path out) throws Exception {
        Path detector = models.resolve("detector");
        FileTrees.copy(MODELS.resolve("detector"), detector);
        Path data;
        try (Stream<Path> files = Files.list(detector.resolve("saved_model/variables"))) {
            data = files.filter(f -> f.getFileName().toString().startsWith("variables.data")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(data, bytes);
        CliRunner r = run("run", good.toString(), "-o", out.toString(), "--models", models.toString(),
                "--stages", "detect");
        assertEquals(2, r.exitCode, r.err);
        assertTrue(r.err.contains("refusing changed weights") && r.err.contains(detector.resolve("saved_model")
                .toString()), r.err);
        assertEquals(List.of(), listing(out));
    }

    @Test
    void modelsCheckFailsAPatchSizeThatContradictsTheInput(@TempDir Path models) throws Exception {
        Path classifier = models.resolve("classifier");
        FileTrees.copy(MODELS.resolve("classifier"), classifier);
        Path rdf = classifier.resolve("rdf.yaml");
        String yaml = Files.readString(rdf, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("patch_size: 256"), "the bundled classifier's rdf.yaml changed");
        Files.writeString(rdf, yaml.replace("patch_size: 256", "patch_size: 200"), StandardCharsets.UTF_8);
        CliRunner r = run("models", "check", models.toString());
        assertEquals(1, r.exitCode, r.out + r.err);
        assertTrue(r.err.contains("patch_size") && r.err.contains("is 200 but the input tensor"), r.err);
    }

    @Test
    void aFolderWithASavedModelButNoRdfFailsModelsCheck(@TempDir Path models) throws Exception {
        FileTrees.copy(MODELS.resolve("detector").resolve("saved_model"),
                models.resolve("detector").resolve("saved_model"));
        CliRunner r = run("models", "check", models.toString());
        assertEquals(2, r.exitCode, r.out + r.err);
        assertTrue(r.err.contains("not a model package") || r.err.contains("no rdf.yaml"), r.err);
    }

    private static void expectFailure(CliRunner r, String slide, String words) {
        assertTrue(r.err.lines().anyMatch(l -> l.contains(slide) && l.contains(words)),
                "expected a line about " + slide + " saying '" + words + "' in:\n" + r.err);
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
