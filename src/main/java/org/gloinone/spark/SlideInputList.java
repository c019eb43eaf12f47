package org.gloinone.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Expands the SLIDES arguments of a cohort on the driver: slide files as given, folders as their slide files in
 * name order, and text lists ({@code .txt}, one slide path or URI a line; blank lines and {@code #} comments
 * skipped; relative entries are relative to the list). Paths without a scheme are on Hadoop's default file system
 * (the local one unless the cluster says otherwise), as Spark reads paths.
 */
final class SlideInputList {
    /** The extension of a text file that lists slides. */
    static final String LIST_EXTENSION = "txt";

    private SlideInputList() {
    }

    /**
     * @param arguments  files, folders or lists, as paths or URIs
     * @param extensions slide file extensions (lower case, no dot) looked for in folders
     * @throws IllegalArgumentException naming the argument when it does not exist, a folder holds no slide, or two
     *                                  slides would share a result folder
     */
    static List<SlideSource> expand(List<String> arguments, Set<String> extensions, Configuration conf)
            throws IOException {
        List<SlideSource> slides = new ArrayList<>();
        for (String argument : arguments) {
            add(new Path(argument), extensions, conf, slides, true);
        }
        Map<String, SlideSource> byStem = new HashMap<>();
        for (SlideSource s : slides) {
            SlideSource earlier = byStem.putIfAbsent(SlideJobAdapter.folderName(s.name()), s);
            if (earlier != null) {
                throw new IllegalArgumentException(s.uri() + ": has the same result folder as " + earlier.uri()
                        + "; rename one of them");
            }
        }
        return slides;
    }

    private static void add(Path path, Set<String> extensions, Configuration conf, List<SlideSource> slides,
                            boolean listsAllowed) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        if (!fs.exists(qualified)) {
            throw new IllegalArgumentException(path + ": no such file or folder");
        }
        FileStatus status = fs.getFileStatus(qualified);
        if (status.isDirectory()) {
            List<FileStatus> inFolder = Arrays.stream(fs.listStatus(qualified))
                    .filter(FileStatus::isFile)
                    .filter(f -> !f.getPath().getName().startsWith("."))
                    .filter(f -> extensions.contains(extension(f.getPath())))
                    .sorted(Comparator.comparing(f -> f.getPath().getName()))
                    .toList();
            if (inFolder.isEmpty()) {
                throw new IllegalArgumentException(path + ": no slide files in this folder (looked for ."
                        + String.join(", .", extensions.stream().sorted().toList()) + ")");
            }
            inFolder.forEach(f -> slides.add(source(f.getPath())));
        } else if (listsAllowed && extension(qualified).equals(LIST_EXTENSION)) {
            for (String entry : lines(fs, qualified)) {
                Path p = new Path(entry);
                add(p.isAbsoluteAndSchemeAuthorityNull() || p.toUri().getScheme() != null ? p
                        : new Path(qualified.getParent(), p), extensions, conf, slides, false);
            }
        } else {
            slides.add(source(qualified));
        }
    }

    private static List<String> lines(FileSystem fs, Path list) throws IOException {
        List<String> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(list), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(list + ": the list names no slides");
        }
        return entries;
    }

    private static SlideSource source(Path qualified) {
        return new SlideSource(qualified.toUri().toString(), qualified.getName());
    }

    private static String extension(Path p) {
        String name = p.getName().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
