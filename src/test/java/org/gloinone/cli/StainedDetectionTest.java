package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gloinone.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The bundled detector on the held-out tiles restained darker, as another lab's sections would show them: read as
 * scanned it reports tubules as glomeruli; restained to its training stain it finds what it finds as scanned.
 */
class StainedDetectionTest {
    private static final Path TILES = Path.of("../shared/data/kidney-tiles");
    private static final Path MODELS = Path.of("models");

    @TempDir
    Path dir;

    @Test
    void aDarkerStainIsRestainedBeforeDetection() throws Exception {
        assumeTrue(Files.isDirectory(TILES), "../shared/data is absent");
        assumeTrue(Files.isDirectory(MODELS.resolve("detector")), "the bundled models are absent");
        JsonNode scanned = evaluate(MODELS, null);
        JsonNode dark = evaluate(MODELS, "dark");
        // 4 reported as scanned; 5 restained from dark, the fifth ranked below every true glomerulus
        assertEquals(4, found(scanned));
        assertEquals(5, found(dark));
        assertEquals(scanned.get("ap50").asDouble(), dark.get("ap50").asDouble(), 0.051);

        Path unreferenced = withoutStainReference();
        assertEquals(found(scanned), found(evaluate(unreferenced, null)), "as scanned the restaining changes little");
        JsonNode darkAsScanned = evaluate(unreferenced, "dark");
        assertEquals(9, found(darkAsScanned), "read as scanned, the darker tiles give tubules as glomeruli");
        assertEquals(true, darkAsScanned.get("ap50").asDouble() < 0.2, darkAsScanned.toString());
    }

    private JsonNode evaluate(Path models, String stain) throws Exception {
        List<String> args = new ArrayList<>(List.of("detect", "--data", TILES.toString(), "--tiles", "10149-10165",
                "--mpp", "0.5", "--models", models.toString()));
        if (stain != null) {
            args.addAll(List.of("--stain", stain));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvaluateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    private static int found(JsonNode report) {
        return report.get("count").get("found").asInt();
    }

    /** A copy of the bundled detector whose rdf.yaml records no training stain. */
    private Path withoutStainReference() throws IOException {
        Path copy = dir.resolve("models/detector");
        Path from = MODELS.resolve("detector");
        FileTrees.copy(from, copy);
        Path rdf = copy.resolve("rdf.yaml");
        String text = Files.readString(rdf);
        String stripped = text.replaceAll("\n      stain_reference:\n        haematoxylin: [0-9.]+\n        eosin: [0-9.]+", "");
        assertEquals(false, stripped.equals(text), "the bundled detector records its training stain");
        Files.writeString(rdf, stripped);
        return dir.resolve("models");
    }
}
