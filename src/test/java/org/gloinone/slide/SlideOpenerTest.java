package org.gloinone.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.slide.imagej.ImageJSlideBackend;
import org.gloinone.slide.openslide.OpenSlideBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlideOpenerTest {
    @TempDir
    Path dir;

    /** A backend that recognises a magic prefix and claims one extension, recording what it was asked. */
    private static final class ScriptedBackend implements SlideBackend {
        final String name;
        final String magic;
        final String extension;
        final boolean available;
        final String failure;
        final List<Path> opened = new ArrayList<>();

        ScriptedBackend(String name, String magic, String extension, boolean available, String failure) {
            this.name = name;
            this.magic = magic;
            this.extension = extension;
            this.available = available;
            this.failure = failure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isAvailable() {
            return available;
        }

        @Override
        public String unavailableReason() {
            return available ? "" : name + " library missing";
        }

        @Override
        public boolean recognises(Path file, byte[] header) {
            return header.length >= magic.length() && new String(header, 0, magic.length()).equals(magic);
        }

        @Override
        public Set<String> extensions() {
            return Set.of(extension);
        }

        @Override
        public Slide open(Path file) throws IOException {
            opened.add(file);
            if (failure != null) {
                throw new SlideException(file, failure);
            }
            return new InMemorySlide(new int[] {0xff000000}, 1, 1, OptionalDouble.empty());
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void contentWinsOverExtension() throws IOException {
        ScriptedBackend first = new ScriptedBackend("first", "AAAA", "bbb", true, null);
        ScriptedBackend second = new ScriptedBackend("second", "BBBB", "aaa", true, null);
        SlideOpener opener = new SlideOpener(List.of(first, second));
        Path file = write("slide.aaa", "BBBB rest");
        SlideOpener.Choice choice = opener.choose(file);
        assertEquals(List.of("second"), choice.candidates().stream().map(c -> c.backend().name()).toList());
        assertEquals(SlideOpener.Basis.CONTENT, choice.candidates().get(0).basis());
        assertEquals("second (recognised the content)", choice.describe());
        opener.open(file).close();
        assertEquals(List.of(file), second.opened);
        assertTrue(first.opened.isEmpty());
    }

    @Test
    void aFallbackWithoutPixelSizeKeepsTheFirstReadersDiagnosis() throws IOException {
        ScriptedBackend builtIn = new ScriptedBackend("tiff", "II*", "tif", true, "16-bit samples are not supported");
        ScriptedBackend fallback = new ScriptedBackend("openslide", "II*", "tif", true, null);
        Path file = write("deep.tif", "II* rest");
        try (Slide slide = new SlideOpener(List.of(builtIn, fallback)).open(file)) {
            assertTrue(slide.micronsPerPixelX().isEmpty());
            SlideException e = assertThrows(SlideException.class, slide::requireMicronsPerPixel);
            assertTrue(e.getMessage().contains("no pixel size (um/px): openslide opened it but finds none, after "
                    + "tiff: 16-bit samples are not supported"), e.getMessage());
        }
    }

    @Test
    void extensionDecidesWhenNoContentMatches() throws IOException {
        ScriptedBackend first = new ScriptedBackend("first", "AAAA", "bbb", true, null);
        ScriptedBackend second = new ScriptedBackend("second", "BBBB", "aaa", true, null);
        SlideOpener opener = new SlideOpener(List.of(first, second));
        Path file = write("Slide.BBB", "????");
        assertEquals("first (extension .bbb)", opener.choose(file).describe());
        opener.open(file).close();
        assertEquals(1, first.opened.size());
    }

    @Test
    void unavailableBackendsAreSkippedAndNamedInTheError() throws IOException {
        ScriptedBackend missing = new ScriptedBackend("native", "AAAA", "aaa", false, null);
        ScriptedBackend failing = new ScriptedBackend("java", "AAAA", "aaa", true, "compression 33003 is not supported");
        SlideOpener opener = new SlideOpener(List.of(missing, failing));
        Path file = write("s.aaa", "AAAA");
        SlideOpener.Choice choice = opener.choose(file);
        assertEquals("java (recognised the content); skipped as not available: native (native library missing)",
                choice.describe());
        SlideException e = assertThrows(SlideException.class, () -> opener.open(file));
        assertEquals("s.aaa: no backend could open it (java: compression 33003 is not supported); "
                + "not available here: native (native library missing)", e.getMessage());
        assertTrue(missing.opened.isEmpty());
    }

    @Test
    void aFailingCandidateFallsBackToTheNext() throws IOException {
        ScriptedBackend failing = new ScriptedBackend("java", "AAAA", "x", true, "unsupported");
        ScriptedBackend next = new ScriptedBackend("native", "AAAA", "x", true, null);
        SlideOpener opener = new SlideOpener(List.of(failing, next));
        Path file = write("s.x", "AAAA");
        assertEquals("java (recognised the content), then native (recognised the content)", opener.choose(file).describe());
        opener.open(file).close();
        assertEquals(1, failing.opened.size());
        assertEquals(1, next.opened.size());
    }

    @Test
    void unrecognisedMissingAndEmptyFilesNameTheFile() throws IOException {
        SlideOpener opener = new SlideOpener(List.of(new ScriptedBackend("first", "AAAA", "aaa", true, null)));
        SlideException unknown = assertThrows(SlideException.class, () -> opener.open(write("notes.txt", "hello")));
        assertEquals("notes.txt: no backend recognises this file (starts with 68656c6c6f, extension .txt)",
                unknown.getMessage());
        SlideException empty = assertThrows(SlideException.class, () -> opener.open(write("empty", "")));
        assertEquals("empty: no backend recognises this file (empty file, no extension)", empty.getMessage());
        SlideException missing = assertThrows(SlideException.class, () -> opener.open(dir.resolve("gone.svs")));
        assertEquals("gone.svs: no such file or folder", missing.getMessage());
        SlideException folder = assertThrows(SlideException.class, () -> opener.open(dir));
        assertTrue(folder.getMessage().endsWith(": is a folder, not a slide file"), folder.getMessage());
    }

    @Test
    void defaultOpenerReadsAPngNamedLikeASlideByContent() throws IOException {
        Path disguised = dir.resolve("disguised.svs");
        Files.copy(SlideFixtures.slide("openslide-boxes.png"), disguised);
        SlideOpener opener = SlideOpener.withDefaultBackends();
        assertEquals("imagej", opener.choose(disguised).first().orElseThrow().name());
        try (Slide slide = opener.open(disguised)) {
            assertEquals("imagej", slide.backendName());
            assertEquals(300, slide.levels().get(0).width());
        }
    }

    @Test
    void defaultOpenerPrefersOpenSlideForAperioByContent() throws IOException {
        assumeTrue(new OpenSlideBackend().isAvailable(), "OpenSlide not installed: " + new OpenSlideBackend().unavailableReason());
        SlideOpener opener = new SlideOpener(List.of(new ImageJSlideBackend(), new OpenSlideBackend()));
        Path svs = SlideFixtures.slide("CMU-1-Small-Region.svs");
        // ImageJ is listed first but claims TIFF only by extension; OpenSlide recognises the content.
        SlideOpener.Choice choice = opener.choose(svs);
        assertEquals("openslide", choice.first().orElseThrow().name());
        try (Slide slide = opener.open(svs)) {
            assertEquals("openslide", slide.backendName());
        }
    }

    @Test
    void defaultOpenerReadsTiffPyramidsWithTheBuiltInReaderFirst() throws IOException {
        SlideOpener opener = SlideOpener.withDefaultBackends();
        assertEquals("tiff", opener.backends().get(0).name());
        Path svs = SlideFixtures.slide("CMU-1-Small-Region.svs");
        SlideOpener.Choice choice = opener.choose(svs);
        String described = choice.describe();
        assertTrue(described.startsWith("tiff (recognised the content)"), described);
        // OpenSlide, where the library is installed, is the fallback for the same file
        boolean openSlideFollows = described.contains(", then openslide (recognised the content)");
        assertEquals(new OpenSlideBackend().isAvailable(), openSlideFollows, described);
        try (Slide slide = opener.open(svs)) {
            assertEquals("tiff", slide.backendName());
            assertEquals(2220, slide.levels().get(0).width());
        }
    }

    @Test
    void defaultOpenerExplainsAnUnopenableTiff() {
        SlideOpener opener = SlideOpener.withDefaultBackends();
        SlideException e = assertThrows(SlideException.class,
                () -> opener.open(SlideFixtures.slide("openslide-unopenable.tiff")));
        assertTrue(e.getMessage().startsWith("openslide-unopenable.tiff: no backend could open it ("), e.getMessage());
        assertTrue(e.getMessage().contains("tiff: "), e.getMessage());
        assertTrue(e.getMessage().contains("imagej: "), e.getMessage());
        assertTrue(e.getMessage().contains("bioformats (Bio-Formats"), e.getMessage());
    }

    @Test
    void anEmptyBackendListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SlideOpener(List.of()));
    }
}
