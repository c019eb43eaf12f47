package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.gloinone.FileTrees;
import org.gloinone.slide.tiff.PyramidTiffWriter;
import org.gloinone.slide.tiff.TiffSlideBackend;
import org.gloinone.slide.Slide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glo-in-one run} in-process with the bundled models, on small slides cut from the bundled sample:
 * exit codes, files, summary.csv, a corrupt slide in a batch, resume and usage errors.
 */
class RunCommandTest {
    static final Path MODELS = Path.of("models");
    static final Path SAMPLE = Path.of(DemoCommand.SAMPLE);

    @TempDir
    static Path slides;

    static Path small;

    @BeforeAll
    static void smallSlides() throws IOException {
        assumeTrue(Files.isDirectory(MODELS.resolve("detector")), "the bundled models are not in models/ yet");
        small = pieceOfSample(slides.resolve("small.tif"), 1536);
    }

    /** A side x side piece of the sample around a glomerulus-rich region (tile 10064, top-left at 0, 1024). */
    static Path pieceOfSample(Path file, int side) throws IOException {
        try (Slide sample = new TiffSlideBackend().open(SAMPLE)) {
            PyramidTiffWriter.write((x, y, w, h) -> sample.readRegion(0, x, 1024 + y, w, h).update(null)
                            .getCurrentStorageArray(), side, side,
                    PyramidTiffWriter.Options.defaults().withTileSize(256).withMicronsPerPixel(0.5), file);
        }
        return file;
    }

    @Test
    void runWritesEveryFileAndASummary(@TempDir Path out) throws IOException {
        CliRunner r = CliRunner.run("run", small.toString(), "-o", out.toString(), "--models", MODELS.toString());
        assertEquals(0, r.exitCode, r.err);
        Path folder = out.resolve("small.tif");
        for (String f : List.of("small.xml", "small-masks.xml", "small.geojson", "small-glomeruli.csv",
                "small-rois.zip", "small-overlay.png", "run.json")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f + " missing; have " + list(folder));
        }
        List<String> glomeruli = Files.readAllLines(folder.resolve("small-glomeruli.csv"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(2, summary.size(), summary.toString());
        assertTrue(summary.get(1).startsWith("small.tif,"), summary.get(1));
        int total = glomeruli.size() - 1;
        assertTrue(total >= 1, "the piece holds glomeruli; found none");
        // The per-class counts in summary.csv add up to the rows of the glomeruli table.
        List<String> header = List.of(summary.get(0).split(","));
        String[] row = summary.get(1).split(",");
        assertEquals(total, Integer.parseInt(row[header.indexOf("glomeruli")]));
        int sum = 0;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith("n_")) {
                sum += Integer.parseInt(row[i]);
            }
        }
        assertEquals(total, sum, "summary " + summary + " vs " + total + " glomeruli");
        assertTrue(r.out.contains("small.tif"), r.out);
        assertEquals(List.of("small.tif", "summary.csv"), list(out), "no partial folder, no lock");
    }

    @Test
    void aCorruptSlideFailsAloneAndTheBatchExitsOne(@TempDir Path out, @TempDir Path batch) throws IOException {
        Files.copy(small, batch.resolve("a-good.tif"));
        byte[] bytes = Files.readAllBytes(small);
        Files.write(batch.resolve("b-cut.tif"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRunner r = CliRunner.run("run", batch.toString(), "-o", out.toString(), "--models", MODELS.toString(),
                "--stages", "detect", "--no-patches");
        assertEquals(1, r.exitCode, r.err);
        assertTrue(Files.isRegularFile(out.resolve("a-good.tif").resolve("run.json")));
        assertFalse(Files.exists(out.resolve("b-cut.tif")));
        assertEquals(List.of("a-good.tif", "glo-in-one.log", "summary.csv"), list(out), "no partial folder, no lock");
        assertTrue(r.err.contains("b-cut.tif"), r.err);
        assertEquals(2, Files.readAllLines(out.resolve("summary.csv")).size());
    }

    @Test
    void resumeDoesNoWorkTheSecondTime(@TempDir Path out) throws IOException {
        String[] args = {"run", small.toString(), "-o", out.toString(), "--models", MODELS.toString(),
            "--stages", "detect", "--no-patches", "--resume"};
        assertEquals(0, CliRunner.run(args).exitCode);
        Path manifest = out.resolve("small.tif").resolve("run.json");
        FileTime first = Files.getLastModifiedTime(manifest);
        CliRunner again = CliRunner.run(args);
        assertEquals(0, again.exitCode, again.err);
        assertTrue(again.err.contains("small.tif: skipped"), again.err);
        assertEquals(first, Files.getLastModifiedTime(manifest));
        assertTrue(again.out.contains("skipped"), again.out);
    }

    @Test
    void resumeRecomputesWhenAModelsSettingsChangedWithoutItsVersion(@TempDir Path out, @TempDir Path models)
            throws IOException {
        FileTrees.copy(MODELS.resolve("detector"), models.resolve("detector"));
        String[] args = {"run", small.toString(), "-o", out.toString(), "--models", models.toString(),
            "--stages", "detect", "--no-patches", "--resume"};
        assertEquals(0, CliRunner.run(args).exitCode);
        // the stain reference is no run option: only the package's rdf.yaml tells that the results are stale
        Path rdf = models.resolve("detector/rdf.yaml");
        String text = Files.readString(rdf);
        String edited = text.replaceFirst("haematoxylin: [0-9.]+", "haematoxylin: 0.07");
        assertFalse(edited.equals(text), "the bundled detector records its training stain");
        Files.writeString(rdf, edited);
        CliRunner again = CliRunner.run(args);
        assertEquals(0, again.exitCode, again.err);
        assertFalse(again.err.contains("small.tif: skipped"), again.err);
        String manifest = Files.readString(out.resolve("small.tif").resolve("run.json"));
        assertTrue(manifest.contains("\"rdfSha256\" : \"" + sha256(edited) + "\""), manifest);
        assertTrue(CliRunner.run(args).err.contains("small.tif: skipped"), "unchanged since: skipped");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSlideWithoutPixelSizeNeedsMpp(@TempDir Path out, @TempDir Path pictures) throws IOException {
        // A PNG stores no pixel size: refused with the reason, then run with --mpp.
        Path png = pictures.resolve("piece.png");
        try (Slide sample = new TiffSlideBackend().open(SAMPLE)) {
            int[] argb = sample.readRegion(0, 0, 1024, 768, 768).update(null).getCurrentStorageArray();
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(768, 768,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 768, 768, argb, 0, 768);
            javax.imageio.ImageIO.write(image, "png", png.toFile());
        }
        CliRunner refused = CliRunner.run("run", png.toString(), "-o", out.toString(), "--models", MODELS.toString(),
                "--stages", "detect", "--no-patches");
        assertEquals(1, refused.exitCode, refused.err);
        assertTrue(refused.err.contains("piece.png") && refused.err.contains("pixel size"), refused.err);

        CliRunner assumed = CliRunner.run("run", png.toString(), "-o", out.toString(), "--models", MODELS.toString(),
                "--stages", "detect", "--no-patches", "--mpp", "0.5");
        assertEquals(0, assumed.exitCode, assumed.err);
        assertTrue(Files.readString(out.resolve("piece.png").resolve("run.json")).contains("\"mpp\" : \"0.5\""));
    }

    @Test
    void usageErrorsExitTwoWithTheirMessage(@TempDir Path out) {
        CliRunner missingOutput = CliRunner.run("run", small.toString());
        assertEquals(2, missingOutput.exitCode);
        assertTrue(missingOutput.err.contains("Missing required option: '--output=OUT'"), missingOutput.err);

        CliRunner badStage = CliRunner.run("run", small.toString(), "-o", out.toString(), "--stages", "detect,paint");
        assertEquals(2, badStage.exitCode);
        assertTrue(badStage.err.contains("--stages: unknown stage 'paint'"), badStage.err);

        CliRunner noFile = CliRunner.run("run", "no-such.svs", "-o", out.toString());
        assertEquals(2, noFile.exitCode);
        assertTrue(noFile.err.contains("no-such.svs: no such file or folder"), noFile.err);

        CliRunner badScore = CliRunner.run("run", small.toString(), "-o", out.toString(), "--score", "1.5");
        assertEquals(2, badScore.exitCode);
        assertTrue(badScore.err.contains("score must be in [0, 1], got 1.5"), badScore.err);
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
