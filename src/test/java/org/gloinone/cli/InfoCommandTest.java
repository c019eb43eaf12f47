package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.slide.SlideFixtures;
import org.gloinone.slide.openslide.OpenSlideBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class InfoCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = GloInOne.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aperioSlideAsJson() throws IOException {
        assumeTrue(new OpenSlideBackend().isAvailable(), "OpenSlide not installed: " + new OpenSlideBackend().unavailableReason());
        Path svs = SlideFixtures.slide("CMU-1-Small-Region.svs");
        Run r = run("info", svs.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(svs.toString(), json.get("path").asText());
        assertTrue(json.get("backend").asText().matches("tiff|openslide"), json.get("backend").asText());
        assertEquals("aperio-svs", json.get("format").asText());
        assertEquals(1, json.get("levels").size());
        assertEquals(2220, json.get("levels").get(0).get("width").asLong());
        assertEquals(2967, json.get("levels").get(0).get("height").asLong());
        assertEquals(1.0, json.get("levels").get(0).get("downsample").asDouble());
        assertEquals(0.499, json.get("mppX").asDouble(), 1e-9);
        assertEquals(0.499, json.get("mppY").asDouble(), 1e-9);
        assertEquals(20.0, json.get("magnification").asDouble(), 1e-9);
        assertEquals("[\"label\",\"macro\",\"thumbnail\"]", json.get("associated").toString());
    }

    @Test
    void pyramidLevelsAsJson() throws IOException {
        assumeTrue(new OpenSlideBackend().isAvailable(), "OpenSlide not installed: " + new OpenSlideBackend().unavailableReason());
        Run r = run("info", SlideFixtures.slide("openslide-boxes.tiff").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode levels = new ObjectMapper().readTree(r.out()).get("levels");
        assertEquals(4, levels.size());
        assertEquals(37, levels.get(3).get("width").asLong());
        assertEquals(31, levels.get(3).get("height").asLong());
        assertEquals(8.086, levels.get(3).get("downsample").asDouble(), 1e-3);
    }

    @Test
    void plainImageHasNullPixelSizeAndNoAssociatedImages() throws IOException {
        Run r = run("info", "--explain", SlideFixtures.slide("openslide-boxes.png").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("imagej", json.get("backend").asText());
        assertEquals("png", json.get("format").asText());
        assertTrue(json.get("mppX").isNull());
        assertTrue(json.get("mppY").isNull());
        assertTrue(json.get("magnification").isNull());
        assertEquals(0, json.get("associated").size());
        assertTrue(r.err().startsWith("backend choice for openslide-boxes.png: imagej (recognised the content)"), r.err());
    }

    @Test
    void unopenableFileExitsTwoWithOneLine() {
        Run r = run("info", SlideFixtures.slide("openslide-unopenable.tiff").toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("glo-in-one info: openslide-unopenable.tiff: no backend could open it"), r.err());
    }

    @Test
    void missingAndEmptyFilesExitTwo() throws IOException {
        Run missing = run("info", dir.resolve("absent.svs").toString());
        assertEquals(2, missing.exit());
        assertEquals("glo-in-one info: absent.svs: no such file or folder", missing.err().strip());
        Path empty = Files.createFile(dir.resolve("empty.svs"));
        Run r = run("info", empty.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("glo-in-one info: empty.svs: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(2, run("info").exit());
    }
}
