package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gloinone.FileTrees;
import org.gloinone.model.ModelPackage;
import org.gloinone.model.TinyDetector;
import org.gloinone.model.TensorFlowPredictor;
import org.gloinone.model.PredictorOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import picocli.CommandLine;

/** {@code glo-in-one models list|check} on a tiny exported detector, as a folder and as a zip. */
class ModelsCommandTest {
    @TempDir
    static Path work;
    static Path models;

    @BeforeAll
    static void writeModels() throws Exception {
        models = work.resolve("models");
        TinyDetector.writePackage(work, models.resolve("detector"), false);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GloInOne.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void checkPassesOnAFreshPackage() {
        Run r = run("models", "check", models.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("tiny-detector"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tiny-detector") && l.contains("detect")
                && l.contains("3/3") && l.endsWith("PASS")), r.out());
    }

    @Test
    void listPrintsNameTaskVersionAndPixelSize() {
        Run r = run("models", "list", "--models", models.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tiny-detector") && l.contains("detect")
                && l.contains("0.1.0") && l.contains("0.5000")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("classify") && l.contains("(none found)")), r.out());
    }

    @Test
    void checkFailsWhenAWeightByteIsFlipped() throws Exception {
        Path copy = work.resolve("flipped/detector");
        FileTrees.copy(models.resolve("detector"), copy);
        Path index = copy.resolve("saved_model/variables/variables.index");
        byte[] b = Files.readAllBytes(index);
        b[b.length - 1] ^= 0x40;
        Files.write(index, b);
        Run r = run("models", "check", copy.getParent().toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tiny-detector") && l.contains("FAIL")), r.out());
        assertTrue(r.err().contains("weights sha256 is"), r.err());
    }

    @Test
    void checkRunsAZippedPackage() throws Exception {
        Path zip = work.resolve("zipped/detector.zip");
        Files.createDirectories(zip.getParent());
        zipTree(models.resolve("detector"), zip);
        Run r = run("models", "check", zip.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        try (ModelPackage p = ModelPackage.open(zip);
             TensorFlowPredictor predictor = p.openPredictor(PredictorOptions.defaults())) {
            assertEquals(3, predictor.predict(TinyDetector.testInput(1, 8)).size());
        }
    }

    @Test
    void missingFolderIsAUsageError() {
        Run r = run("models", "check", work.resolve("absent").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("absent: not a model package or a folder of them"), r.err());
    }

    private static void zipTree(Path from, Path zip) throws Exception {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os);
             Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    out.putNextEntry(new ZipEntry("detector/" + from.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        }
    }
}
