package org.gloinone.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gloinone.cli.GloInOne;
import org.gloinone.io.CsvLine;
import org.gloinone.io.SlideFingerprint;
import org.gloinone.slide.Slide;
import org.gloinone.slide.tiff.PyramidTiffWriter;
import org.gloinone.slide.tiff.TiffSlideBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort application in local mode ({@code local[2]}, two tries per task) with the bundled models, against
 * {@code glo-in-one run} on the same slides: the sample, two slides written from pieces of it, and a cut file.
 * All Spark tests of the project are here, sharing one session.
 */
class CohortRunTest {
    static final Path MODELS = Path.of("models");
    static final Path SAMPLE = Path.of("samples/kidney-pas-mosaic.tif");
    static final String[] OPTIONS = {"--models", MODELS.toString(), "--threads", "1"};
    static final List<String> GOOD = List.of("kidney-pas-mosaic.tif", "piece-a.tif", "piece-b.tif");

    @TempDir
    static Path work;
    static Path slides;
    static Path byRun;
    static Path byCohort;
    static SparkSession spark;
    static int exitCode;
    static String printed;
    static int modelLoads;

    @BeforeAll
    static void runBoth() throws IOException {
        assumeTrue(Files.isDirectory(MODELS.resolve("detector")), "the bundled models are not in models/");
        slides = Files.createDirectories(work.resolve("slides"));
        Files.copy(SAMPLE, slides.resolve(SAMPLE.getFileName()));
        try (Slide sample = new TiffSlideBackend().open(SAMPLE)) {
            piece(sample, 0, 1024, slides.resolve("piece-a.tif"));
            piece(sample, 1024, 0, slides.resolve("piece-b.tif"));
        }
        byte[] bytes = Files.readAllBytes(slides.resolve("piece-a.tif"));
        Files.write(slides.resolve("broken.tif"), Arrays.copyOf(bytes, bytes.length / 2));

        byRun = work.resolve("by-run");
        assertEquals(1, GloInOne.commandLine().execute(concat(new String[] {"run", slides.toString(), "-o",
            byRun.toString()}, OPTIONS)), "glo-in-one run: one slide is broken");

        spark = SparkSession.builder().master("local[2,2]").appName("cohort test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        byCohort = work.resolve("by-cohort");
        int loadsBefore = ExecutorModels.loads();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = cohort(out, slides.toString(), "-o", byCohort.toString());
        printed = out.toString(StandardCharsets.UTF_8);
        modelLoads = ExecutorModels.loads() - loadsBefore;
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void slideFoldersAreThoseOfGloInOneRun() throws IOException {
        for (String slide : GOOD) {
            assertSameFolder(byRun.resolve(slide), byCohort.resolve(slide));
        }
        assertEquals(1, modelLoads, "models load once per executor JVM, not once per slide");
    }

    @Test
    void theOutputHoldsOneFolderPerGoodSlideAndTheTables() throws IOException {
        assertEquals(List.of("cohort.parquet", "glomeruli.parquet", "kidney-pas-mosaic.tif", "piece-a.tif",
                "piece-b.tif", "summary.csv"), names(byCohort));
        assertEquals(1, exitCode, printed);
        assertTrue(printed.contains("piece-a.tif: done -> "), printed);
    }

    @Test
    void cohortRowsMatchSummaryCsv() throws IOException {
        List<List<String>> summary = CsvLine.parse(Files.readString(byCohort.resolve("summary.csv")));
        List<List<String>> cliSummary = CsvLine.parse(Files.readString(byRun.resolve("summary.csv")));
        List<String> header = summary.get(0);
        assertEquals(cliSummary.get(0), header);
        assertEquals(4, summary.size(), "a header and the three good slides");
        int runtime = header.indexOf("runtime_s");
        for (int i = 1; i < summary.size(); i++) {
            List<String> ours = new ArrayList<>(summary.get(i));
            List<String> theirs = new ArrayList<>(cliSummary.get(i));
            ours.remove(runtime);
            theirs.remove(runtime);
            assertEquals(theirs, ours, "summary rows other than run time are those of glo-in-one run");
        }

        Map<String, Row> rows = new HashMap<>();
        for (Row r : spark.read().parquet(byCohort.resolve("cohort.parquet").toString()).collectAsList()) {
            rows.put(r.getAs("slide"), r);
        }
        assertEquals(4, rows.size());
        for (List<String> line : summary.subList(1, summary.size())) {
            Row row = rows.get(line.get(0));
            assertEquals("done", row.getAs("status"));
            for (int c = 1; c < header.size(); c++) {
                Object value = row.getAs(header.get(c));
                String cell = line.get(c);
                if (cell.isEmpty()) {
                    assertNull(value, header.get(c));
                } else if (value instanceof String text) {
                    assertEquals(cell, text, header.get(c));
                } else if (value instanceof Integer n) {
                    assertEquals(Integer.parseInt(cell), n, header.get(c));
                } else {
                    assertEquals(Double.parseDouble(cell), (Double) value, 0.0, header.get(c));
                }
            }
            assertEquals(64, ((String) row.getAs("detector_sha256")).length());
        }

        List<Row> glomeruli = spark.read().parquet(byCohort.resolve("glomeruli.parquet").toString())
                .where("slide = 'piece-a.tif'").orderBy("id").collectAsList();
        List<List<String>> csv = CsvLine.parse(Files.readString(byRun.resolve("piece-a.tif/piece-a-glomeruli.csv")));
        assertEquals(csv.size() - 1, glomeruli.size());
        assertEquals(Integer.parseInt(summary.stream().filter(l -> l.get(0).equals("piece-a.tif")).findFirst()
                .orElseThrow().get(header.indexOf("glomeruli"))), glomeruli.size());
        for (int i = 0; i < glomeruli.size(); i++) {
            List<String> line = csv.get(i + 1);
            assertEquals(line.get(csv.get(0).indexOf("id")), glomeruli.get(i).getAs("id"));
            assertEquals(line.get(csv.get(0).indexOf("class")), glomeruli.get(i).getAs("class"));
            assertEquals(Double.parseDouble(line.get(csv.get(0).indexOf("radius_um"))),
                    (Double) glomeruli.get(i).getAs("radius_um"), 0.0);
        }
    }

    @Test
    void theBrokenSlideIsAFailedRowWithItsReason() {
        Row broken = spark.read().parquet(byCohort.resolve("cohort.parquet").toString())
                .where("slide = 'broken.tif'").first();
        assertEquals("failed", broken.getAs("status"));
        String reason = broken.getAs("failure_reason");
        assertTrue(reason.startsWith("broken.tif"), reason);
        assertNull(broken.getAs("folder"));
        assertNull(broken.getAs("glomeruli"));
        assertFalse(Files.exists(byCohort.resolve("broken.tif")));
        assertTrue(printed.contains("broken.tif: failed"), printed);
    }

    @Test
    void aTaskThatFailsOnceAfterItsCommitLeavesExactlyOneCorrectFolder(@TempDir Path out) throws IOException {
        Path dead = Files.createDirectories(out.resolve(".piece-b.tif.partial-99dead")); // an attempt that died
        Files.writeString(dead.resolve("run.json"), "{");
        CohortSettings settings = new CohortSettings(out.toUri().toString(),
                org.gloinone.cli.RunOptions.parse(List.of(OPTIONS)).arguments(), false);
        List<SlideRecord> records = CohortJob.run(spark, List.of(source("piece-b.tif")), settings, 1,
                new FailingFirstAttempt(new SlideTask(settings), "piece-b.tif"));
        assertEquals(List.of("done"), records.stream().map(SlideRecord::status).toList());
        assertEquals(List.of("cohort.parquet", "glomeruli.parquet", "piece-b.tif", "summary.csv"), names(out));
        assertSameFolder(byRun.resolve("piece-b.tif"), out.resolve("piece-b.tif"));
        assertEquals(2, Files.readAllLines(out.resolve("summary.csv")).size());
    }

    @Test
    void resumeSkipsCompleteSlidesAndRedoesThoseWhoseOptionsChanged(@TempDir Path out) throws IOException {
        String[] args = {slides.resolve("piece-a.tif").toString(), slides.resolve("piece-b.tif").toString(),
            "-o", out.toString(), "--resume", "--stages", "detect", "--no-patches"};
        assertEquals(0, cohort(new ByteArrayOutputStream(), args));
        Path manifest = out.resolve("piece-a.tif/run.json");
        FileTime first = Files.getLastModifiedTime(manifest);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, cohort(again, args));
        String said = again.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("piece-a.tif: skipped") && said.contains("piece-b.tif: skipped"), said);
        assertEquals(first, Files.getLastModifiedTime(manifest));
        Row skipped = spark.read().parquet(out.resolve("cohort.parquet").toString())
                .where("slide = 'piece-a.tif'").first();
        assertEquals("skipped", skipped.getAs("status"));
        long glomeruli = spark.read().parquet(out.resolve("glomeruli.parquet").toString())
                .where("slide = 'piece-a.tif'").count();
        assertEquals(Files.readAllLines(out.resolve("piece-a.tif/piece-a-glomeruli.csv")).size() - 1, glomeruli);
        assertEquals(glomeruli, ((Integer) skipped.getAs("glomeruli")).longValue());
        assertTrue((Double) skipped.getAs("tissue_mm2") > 0, "a skipped slide's row comes whole from its run.json");

        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        assertEquals(0, cohort(changed, concat(args, new String[] {"--score", "0.9"})));
        assertTrue(changed.toString(StandardCharsets.UTF_8).contains("piece-a.tif: done"));
        assertTrue(Files.readString(manifest).contains("\"score\" : \"0.9\""));
    }

    @Test
    void aSlideOnAnotherFileSystemIsIdentifiedThereAndNotFetchedWhenItsFolderIsComplete(@TempDir Path out)
            throws IOException {
        Path slide = slides.resolve(SAMPLE.getFileName());
        long size = Files.size(slide);
        assertTrue(size > 2L * SlideFingerprint.HASHED_BYTES, "the slide must be larger than what identifies it");
        String[] args = {ElsewhereFileSystem.uri(slide), "-o", out.toString(), "--resume", "--stages", "detect",
            "--no-patches"};
        long before = ElsewhereFileSystem.bytesRead(slide);
        assertEquals(0, cohort(new ByteArrayOutputStream(), args));
        assertEquals(SlideFingerprint.HASHED_BYTES + size, ElsewhereFileSystem.bytesRead(slide) - before,
                "identified where it lies, then fetched whole");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("kidney-pas-mosaic.tif/run.json").toFile());
        assertTrue(manifest.get("sourcePath").asText().startsWith(ElsewhereFileSystem.SCHEME + ":"),
                manifest.get("sourcePath").asText());
        SlideFingerprint local = SlideFingerprint.of(slide);
        assertEquals(local.sha256FirstMebibyte(), manifest.get("slide").get("sha256FirstMebibyte").asText());
        assertEquals(local.sizeBytes(), manifest.get("slide").get("sizeBytes").asLong());

        long resumedFrom = ElsewhereFileSystem.bytesRead(slide);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, cohort(again, args));
        String said = again.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("kidney-pas-mosaic.tif: skipped"), said);
        assertEquals(SlideFingerprint.HASHED_BYTES, ElsewhereFileSystem.bytesRead(slide) - resumedFrom,
                "a complete folder is recognised from the slide's first MiB; the slide is not fetched");
    }

    @Test
    void modelsShippedAsAnArchiveAreFoundInSparksFiles(@TempDir Path out, @TempDir Path archives) throws IOException {
        Path zip = archives.resolve("packages.zip");
        Path detector = MODELS.resolve("detector");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.walk(detector)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("detector/" + detector.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        spark.sparkContext().addArchive(zip.toUri() + "#shipped-models"); // as spark-submit --archives does
        assertFalse(Files.exists(Path.of("shipped-models")), "the folder exists only among Spark's files");
        int code = CohortRun.commandLine(new PrintStream(new ByteArrayOutputStream()), System.err).execute(
                slides.resolve("piece-a.tif").toString(), "-o", out.toString(), "--models", "shipped-models",
                "--stages", "detect", "--no-patches", "--threads", "1");
        assertEquals(0, code);
        String manifest = Files.readString(out.resolve("piece-a.tif/run.json"));
        String detectorSha = new ObjectMapper().readTree(byRun.resolve("piece-a.tif/run.json").toFile()).get("models")
                .get(0).get("sha256").asText();
        assertTrue(manifest.contains(detectorSha), manifest);
    }

    @Test
    void usageErrorsExitTwoNamingTheProblem(@TempDir Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, CohortRun.commandLine(new PrintStream(new ByteArrayOutputStream()), e)
                .execute(slides.toString(), "-o", out.toString(), "--score", "1.5"));
        assertEquals(2, CohortRun.commandLine(new PrintStream(new ByteArrayOutputStream()), e)
                .execute(work.resolve("nowhere").toString(), "-o", out.toString()));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("score must be in [0, 1], got 1.5"), said);
        assertTrue(said.contains("nowhere: no such file or folder"), said);
    }

    /** Runs the real task, then fails the first attempt of one slide: as if the executor died after its commit. */
    static final class FailingFirstAttempt implements Function<SlideSource, SlideRecord> {
        private static final long serialVersionUID = 1L;
        private final Function<SlideSource, SlideRecord> task;
        private final String slide;

        FailingFirstAttempt(Function<SlideSource, SlideRecord> task, String slide) {
            this.task = task;
            this.slide = slide;
        }

        @Override
        public SlideRecord call(SlideSource source) throws Exception {
            SlideRecord record = task.call(source);
            if (source.name().equals(slide) && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("injected failure after the commit of " + slide);
            }
            return record;
        }
    }

    private static int cohort(ByteArrayOutputStream out, String... args) {
        return CohortRun.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .execute(concat(args, OPTIONS));
    }

    private static SlideSource source(String name) {
        return new SlideSource(slides.resolve(name).toUri().toString(), name);
    }

    private static void piece(Slide sample, int x0, int y0, Path file) throws IOException {
        PyramidTiffWriter.write((x, y, w, h) -> sample.readRegion(0, x0 + x, y0 + y, w, h).update(null)
                        .getCurrentStorageArray(), 1536, 1536,
                PyramidTiffWriter.Options.defaults().withTileSize(256).withMicronsPerPixel(0.5), file);
    }

    /** Same files, same bytes; in run.json everything but the stage times. */
    private static void assertSameFolder(Path expected, Path actual) throws IOException {
        List<String> files = tree(expected);
        assertEquals(files, tree(actual), actual.toString());
        ObjectMapper json = new ObjectMapper();
        for (String f : files) {
            if (f.endsWith("run.json")) {
                ObjectNode a = (ObjectNode) json.readTree(expected.resolve(f).toFile());
                ObjectNode b = (ObjectNode) json.readTree(actual.resolve(f).toFile());
                a.remove("timings");
                b.remove("timings");
                assertEquals(a, b, f);
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            }
        }
    }

    private static List<String> tree(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
