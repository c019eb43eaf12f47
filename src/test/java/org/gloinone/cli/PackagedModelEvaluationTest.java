package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gloinone.eval.Fixtures;
import org.gloinone.eval.TinyModels;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelDescription;
import org.gloinone.model.ModelPackageWriter;
import org.gloinone.model.TensorDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code evaluate classify --models DIR} with a real model package (SavedModel + rdf.yaml) on disk. */
class PackagedModelEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void evaluatesAPackagedClassifier() throws Exception {
        float[] pixels = new float[2 * 8 * 8 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 7) / 7f;
        }
        FloatTensor input = new FloatTensor(new long[] {2, 8, 8, 3}, pixels);
        Path saved = dir.resolve("export");
        FloatTensor output = TinyModels.exportGreenClassifier(saved, input);
        List<String> classes = List.of("normal", "sclerosed", "non_glomerular");
        ModelDescription description = new ModelDescription("Mean-green test classifier.", List.of("Test"), "MIT",
                "MODEL_CARD.md", List.of(), List.of(TensorDescription.image("image", List.of("red", "green", "blue"),
                        1.0, 1, null)), List.of(TensorDescription.vector("probabilities", classes, null)),
                "saved_model", null, null, 1e-5, 1e-4);
        ModelPackageWriter.write(dir.resolve("models/classifier"), saved, TinyModels.greenClassifierSpec(),
                description, Map.of("image", input), Map.of("probabilities", output), "# Test classifier\n");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvaluateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("classify", "--data", Fixtures.crops().toString(), "--models",
                dir.resolve("models").toString());
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals("green", j.get("model").get("name").asText());
        assertEquals(7.0 / 12, j.get("balanced_accuracy").asDouble(), 1e-12); // as with the in-memory graph
        assertEquals(5.0 / 6, j.get("auc").asDouble(), 1e-12);
        assertEquals(1, j.get("rejected_as_non_glomerular").asInt());
    }

    @Test
    void missingModelExitsWithTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvaluateCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("classify", "--data", Fixtures.crops().toString(), "--models", dir.toString()));
        // An empty --models folder is refused rather than falling back to models found elsewhere.
        assertEquals(true, err.toString().contains("--models names a folder without model packages"), err.toString());
    }
}
