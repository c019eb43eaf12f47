package org.gloinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The house rule that keeps the core headless: core packages never reference UI classes or the
 * front doors. Reads source files, so fully qualified uses are caught as well as imports.
 */
final class LayoutRules {
    static final List<String> CORE_PACKAGES =
            List.of("slide", "model", "detect", "classify", "segment", "pipeline", "io", "eval", "train", "batch");

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(ij\\.gui\\.|javax\\.swing\\b|java\\.awt\\.(\\*|(Frame|Dialog|Window|Component)\\b)"
                    + "|org\\.gloinone\\.(fiji|cli)\\b)");

    private LayoutRules() {
    }

    /** Lines of core sources under {@code root} (the {@code org/gloinone} source folder) that break the rule. */
    static List<String> violations(Path root) {
        List<String> found = new ArrayList<>();
        for (String pkg : CORE_PACKAGES) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> scan(root, f, found));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static void scan(Path root, Path file, List<String> found) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).strip();
                if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                    continue;
                }
                if (FORBIDDEN.matcher(code).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
