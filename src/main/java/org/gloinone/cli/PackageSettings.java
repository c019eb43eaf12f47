package org.gloinone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.gloinone.io.AtomicFiles;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelRdf;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.ModelSpecReader;
import org.gloinone.model.ModelSpecWriter;

/**
 * Writes settings that an evaluation chose into a model package: its rdf.yaml rewritten with the changed spec, and
 * a section of its model card saying where they came from. The weights are left as they are.
 */
final class PackageSettings {
    private PackageSettings() {
    }

    /**
     * Rewrites the spec in {@code packageDir}'s rdf.yaml (atomically).
     *
     * @return the rdf.yaml written
     * @throws ModelException naming the file when it cannot be read as a package's rdf.yaml
     * @throws IOException    naming the file when it cannot be written
     */
    static Path rewrite(Path packageDir, UnaryOperator<ModelSpec> change) throws IOException, ModelException {
        Path rdf = packageDir.resolve(ModelSpecReader.RDF_FILE);
        ModelRdf read = ModelSpecReader.read(rdf);
        AtomicFiles.writeString(rdf, ModelSpecWriter.toYaml(change.apply(read.spec()), read.description(),
                Instant.now()));
        return rdf;
    }

    /**
     * Puts {@code body} under the heading {@code ## title} of the package's model card, replacing that section when
     * the card has it already (the settings were chosen again), else at the end.
     */
    static void cardSection(Path packageDir, String title, String body) throws IOException {
        Path card = packageDir.resolve("MODEL_CARD.md");
        String text = Files.isRegularFile(card) ? Files.readString(card) : "";
        String heading = "## " + title + "\n";
        String section = heading + "\n" + body.strip() + "\n";
        int after = text.indexOf("\n" + heading);
        int start = text.startsWith(heading) ? 0 : after < 0 ? -1 : after + 1;
        if (start < 0) {
            text = text.isEmpty() ? section : text.stripTrailing() + "\n\n" + section;
        } else {
            int next = text.indexOf("\n## ", start + heading.length());
            text = text.substring(0, start) + section + (next < 0 ? "" : "\n" + text.substring(next + 1));
        }
        AtomicFiles.writeString(card, text);
    }
}
