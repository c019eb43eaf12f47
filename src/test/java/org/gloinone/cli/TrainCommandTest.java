package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class TrainCommandTest {
    private static final Path DATA = Path.of("../shared/data");

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = GloInOne.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void unknownTaskIsAUsageError(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "train", "dance", "--data", DATA.toString(),
                "--out", dir.resolve("m").toString(), "--tiny", "--epochs", "1");
        assertEquals(2, code);
        assertTrue(err.toString().contains("TASK must be detect, classify or segment"), err.toString());
    }

    @Test
    void missingDataFolderNamesIt(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "train", "segment", "--data", dir.resolve("nowhere").toString(),
                "--out", dir.resolve("m").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("nowhere") && err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void trainsATinySegmenterAndWritesItsPackage(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("segmenter");
        int code = run(out, err, "train", "segment", "--data", DATA.toString(), "--out", pkg.toString(),
                "--tiny", "--epochs", "1", "--batch", "4");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("loss") && out.toString().contains("ETA"), out.toString());
        assertTrue(out.toString().contains("dice_mean"), out.toString());
        for (String f : new String[] {"rdf.yaml", "MODEL_CARD.md", "saved_model/saved_model.pb",
            "test_input_image.npy", "test_output_mask.npy"}) {
            assertTrue(Files.isRegularFile(pkg.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(dir.resolve("segmenter.checkpoints/checkpoint.bin")));
        // The held-out crops were scored by the evaluate command, with the new package.
        assertTrue(out.toString().contains("held-out evaluation: glo-in-one evaluate segment"), out.toString());
        String evaluation = Files.readString(pkg.resolve("evaluation.json"));
        assertTrue(evaluation.contains("\"dice\"") && evaluation.contains("\"n\""), evaluation);
    }
}
