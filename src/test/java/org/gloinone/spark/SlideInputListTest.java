package org.gloinone.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLIDES on the driver: files, folders in name order, .txt lists, and refusals naming the argument. */
class SlideInputListTest {
    private static final Set<String> EXTENSIONS = Set.of("tif", "svs");

    @Test
    void filesFoldersAndListsExpandInOrder(@TempDir Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("folder"));
        for (String name : List.of("b.svs", "a.tif", "notes.md", ".hidden.tif")) {
            Files.writeString(folder.resolve(name), "x");
        }
        Path other = Files.createDirectories(root.resolve("other"));
        Files.writeString(other.resolve("c.tif"), "x");
        Files.writeString(other.resolve("d.svs"), "x");
        Path list = root.resolve("cohort.txt");
        Files.writeString(list, "# a study\nother/c.tif\n\n" + other.resolve("d.svs").toUri() + "\n");

        List<SlideSource> slides = SlideInputList.expand(List.of(folder.toString(), list.toString()), EXTENSIONS,
                new Configuration());
        assertEquals(List.of("a.tif", "b.svs", "c.tif", "d.svs"), slides.stream().map(SlideSource::name).toList());
        assertEquals(other.resolve("c.tif").toUri().getPath(), java.net.URI.create(slides.get(2).uri()).getPath());
        assertTrue(slides.get(0).uri().startsWith("file:"), slides.get(0).uri());
    }

    @Test
    void refusalsNameTheArgument(@TempDir Path root) throws IOException {
        Configuration conf = new Configuration();
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlideInputList.expand(
                List.of(empty.toString()), EXTENSIONS, conf)).getMessage().contains("empty: no slide files"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlideInputList.expand(
                List.of(root.resolve("missing.svs").toString()), EXTENSIONS, conf)).getMessage()
                .contains("missing.svs: no such file or folder"));
        Path a = Files.writeString(Files.createDirectories(root.resolve("one")).resolve("s.svs"), "x");
        Path b = Files.writeString(Files.createDirectories(root.resolve("two")).resolve("s.svs"), "x");
        String same = assertThrows(IllegalArgumentException.class, () -> SlideInputList.expand(
                List.of(a.toString(), b.toString()), EXTENSIONS, conf)).getMessage();
        assertTrue(same.contains("same result folder"), same);
    }
}
