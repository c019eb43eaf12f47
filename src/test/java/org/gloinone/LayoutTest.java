package org.gloinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTest {
    private static final Path SOURCES = Path.of("src/main/java/org/gloinone");

    @Test
    void coreImportsNoUserInterfaceNorFrontDoor() {
        assertTrue(Files.isDirectory(SOURCES.resolve("slide")), "run from the project root");
        List<String> violations = LayoutRules.violations(SOURCES);
        assertEquals(List.of(), violations, "core packages must stay headless and below the front doors");
    }

    @Test
    void everyPackageOfTheArchitectureExists() {
        for (String pkg : List.of("slide", "model", "detect", "classify", "segment", "pipeline", "io", "eval",
                "train", "cli", "fiji", "spark")) {
            assertTrue(Files.isRegularFile(SOURCES.resolve(pkg).resolve("package-info.java")), pkg);
        }
    }

    @Test
    void onlyTheSparkApplicationRefersToSparkOrHadoop() throws IOException {
        // Spark is provided by the cluster: Fiji and the other commands must run without it on the class path.
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> found = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !SOURCES.relativize(f).startsWith("spark"))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return text.contains("org.apache.spark") || text.contains("org.apache.hadoop");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(f -> SOURCES.relativize(f).toString()).toList();
            assertEquals(List.of(), found);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"import ij.gui.Roi;", "import javax.swing.JFrame;", "import java.awt.Frame;",
            "import java.awt.Dialog;", "import java.awt.Window;", "import java.awt.Component;", "import java.awt.*;",
            "import org.gloinone.fiji.AboutGloInOne;", "import org.gloinone.cli.GloInOne;",
            "var f = new javax.swing.JFrame();"})
    void forbiddenReferencesAreFound(String line, @TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("detect"));
        Files.writeString(dir.resolve("Bad.java"), "package org.gloinone.detect;\n" + line + "\nclass Bad {}\n");
        List<String> violations = LayoutRules.violations(root);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("detect/Bad.java:2:"), violations.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.awt.image.BufferedImage;", "import java.awt.geom.Path2D;",
            "import ij.process.ColorProcessor;", "import org.gloinone.slide.Slide;", "// see ij.gui.Roi"})
    void allowedReferencesPass(String line, @TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("io"));
        Files.writeString(dir.resolve("Fine.java"), "package org.gloinone.io;\n" + line + "\nclass Fine {}\n");
        assertEquals(List.of(), LayoutRules.violations(root));
    }
}
