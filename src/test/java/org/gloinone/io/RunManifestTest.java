package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.ProgramVersion;
import org.gloinone.pipeline.SlideResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {
    @TempDir
    Path dir;

    private static final SlideFingerprint FP = new SlideFingerprint(123, 456, "ef".repeat(32));

    @Test
    void writesAndReadsBack() throws IOException {
        RunManifest m = RunManifest.of(SampleResults.sample(), "/slides/kidney 7.svs", FP, options(SampleResults.sample()));
        Path file = dir.resolve("run.json");
        m.write(file);
        RunManifest read = RunManifest.read(file);
        assertEquals(m, read);
        assertEquals(ProgramVersion.get(), read.programVersion());
        assertEquals(2, read.counts().get("normal"));
        assertEquals(1, read.counts().get("rejected"));
        assertEquals("detect,classify,segment", read.options().get("stages"));
        assertEquals("0.5", read.options().get("score"));
        assertEquals("", read.options().get("nms-iou"));
        String json = Files.readString(file);
        assertTrue(json.contains("\"sha256FirstMebibyte\" : \"" + "ef".repeat(32) + "\""), json);
        // everything the summary row needs
        assertEquals(3, read.glomeruli());
        assertEquals(List.of("normal", "sclerosed"), read.classNames());
        assertEquals(List.of("sclerosed"), read.sclerosedClasses());
        assertEquals(12.5, read.tissueAreaMm2(), 1e-12);
    }

    @Test
    void recordsTheStainFactorsTheDetectorRestainedBy() throws IOException {
        SlideResult asScanned = SampleResults.sample();
        assertEquals(null, RunManifest.of(asScanned, "", null, options(asScanned)).stainFactors());
        SlideResult r = asScanned;
        SlideResult restained = new SlideResult(r.slide(), r.options(), r.models(), r.classNames(),
                r.sclerosedClasses(), r.glomeruli(), r.rejected(), r.tissueAreaMm2(), r.tilesPlanned(),
                r.tilesSkipped(), r.timings(), r.displayColors(), new org.gloinone.stain.StainNormalisation(0.8, 1.25));
        RunManifest m = RunManifest.of(restained, "/slides/kidney 7.svs", FP, options(restained));
        assertEquals(java.util.Map.of("haematoxylin", 0.8, "eosin", 1.25), m.stainFactors());
        Path file = dir.resolve("run.json");
        m.write(file);
        assertEquals(m, RunManifest.read(file));
        assertTrue(Files.readString(file).contains("\"stainFactors\" : {"), Files.readString(file));
    }

    @Test
    void anOlderOrDamagedManifestIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"programVersion\":\"0.1.0\",\"slideName\":\"a.tif\"}");
        ResultFileException e = assertThrows(ResultFileException.class, () -> RunManifest.read(file));
        assertTrue(e.getMessage().startsWith("run.json: "), e.getMessage());
        Files.writeString(file, "{\"programVersion\": ");
        assertThrows(ResultFileException.class, () -> RunManifest.read(file));
    }

    @Test
    void matchesOnlyTheSameProgramModelsOptionsAndSlide() {
        SlideResult r = SampleResults.sample();
        RunManifest done = RunManifest.of(r, "/slides/kidney 7.svs", FP, options(r));
        String v = ProgramVersion.get();
        assertTrue(done.matches(v, r.models(), options(r), FP));
        // speed-only options do not matter
        assertTrue(done.matches(v, r.models(), options(r.options().toBuilder().threads(1).build()), FP));
        assertFalse(done.matches(v, r.models(), options(r.options().toBuilder().scoreThreshold(0.4).build()), FP));
        assertFalse(done.matches(v, r.models(), options(r.options().toBuilder().useTissueMask(false).build()), FP));
        assertFalse(done.matches(v, List.of(r.models().get(0), new ModelInfo("classify", "resnet", "1.0",
                "00".repeat(32))), options(r), FP));
        assertFalse(done.matches(v, r.models(), options(r),
                new SlideFingerprint(123, 457, FP.sha256FirstMebibyte())));
        assertFalse(done.matches(v, r.models(), options(PipelineOptions.defaults()), FP));
        assertFalse(done.matches(v, r.models(), RunManifest.optionsOf(r.options(),
                OutputOptions.defaults().withPatches(false)), FP), "other files asked for");
        assertFalse(done.matches("0.0.1", r.models(), options(r), FP), "another program version");
        assertFalse(RunManifest.of(r, "", null, options(r)).matches(v, r.models(), options(r), null),
                "an image without a file is never resumed");
    }

    private static java.util.Map<String, String> options(SlideResult r) {
        return options(r.options());
    }

    private static java.util.Map<String, String> options(PipelineOptions o) {
        return RunManifest.optionsOf(o, OutputOptions.defaults());
    }

    @Test
    void fingerprintHashesTheFirstMebibyte() throws IOException {
        Path slide = dir.resolve("s.svs");
        byte[] data = new byte[(1 << 20) + 10];
        Files.write(slide, data);
        Files.setLastModifiedTime(slide, FileTime.fromMillis(1_700_000_000_000L));
        SlideFingerprint a = SlideFingerprint.of(slide);
        assertEquals((1 << 20) + 10, a.sizeBytes());
        assertEquals(1_700_000_000_000L, a.modifiedMillis());
        // sha256 of 1 MiB of zeros
        assertEquals("30e14955ebf1352266dc2ff8067e68104607e750abb9d3b36582b8af909fcb58", a.sha256FirstMebibyte());
        data[(1 << 20) + 5] = 1; // beyond the first MiB: same hash
        Files.write(slide, data);
        Files.setLastModifiedTime(slide, FileTime.fromMillis(1_700_000_000_000L));
        assertEquals(a, SlideFingerprint.of(slide));
        data[100] = 1;
        Files.write(slide, data);
        assertNotEquals(a.sha256FirstMebibyte(), SlideFingerprint.of(slide).sha256FirstMebibyte());
    }

    @Test
    void foreignFilesAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("run.json"), "[1,2]");
        assertTrue(assertThrows(ResultFileException.class, () -> RunManifest.read(file)).getMessage()
                .startsWith("run.json: "));
        Path empty = Files.writeString(dir.resolve("e.json"), "{}");
        assertTrue(assertThrows(ResultFileException.class, () -> RunManifest.read(empty)).getMessage()
                .startsWith("e.json: "));
    }
}
