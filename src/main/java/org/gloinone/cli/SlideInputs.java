package org.gloinone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gloinone.slide.FileProblems;
import org.gloinone.slide.SlideBackend;

/** Expands the slide arguments of a run: files as given, folders as their slide files sorted by name. */
final class SlideInputs {
    private SlideInputs() {
    }

    /**
     * @throws IllegalArgumentException naming the path when it does not exist or a folder holds no slide
     */
    static List<Path> expand(List<Path> arguments, List<SlideBackend> backends) throws IOException {
        Set<String> extensions = new TreeSet<>();
        backends.forEach(b -> extensions.addAll(b.extensions()));
        List<Path> slides = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                List<Path> inFolder;
                try (Stream<Path> files = Files.list(arg)) {
                    inFolder = files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> extensions.contains(extension(p)))
                            .sorted().toList();
                }
                if (inFolder.isEmpty()) {
                    throw new IllegalArgumentException(arg + ": no slide files in this folder (looked for ."
                            + String.join(", .", extensions) + ")");
                }
                slides.addAll(inFolder);
            } else if (Files.isRegularFile(arg)) {
                slides.add(arg);
            } else {
                throw new IllegalArgumentException(arg + ": " + FileProblems.whyMissing(arg));
            }
        }
        return slides;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
