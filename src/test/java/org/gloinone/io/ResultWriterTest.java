package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.SlideResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {
    @TempDir
    Path out;

    private static final SlideFingerprint FP = new SlideFingerprint(1, 2, "00".repeat(32));

    private static ResultWriter.SlideExtras extras() {
        int[] px = new int[160 * 100];
        Arrays.fill(px, 0xFFFFFFFF);
        return new ResultWriter.SlideExtras(Optional.of(SampleResults.manifests(SampleResults.sample())
                .get("kidney 7.svs")), Optional.of(new Thumbnail(160, 100, px, 500)),
                List.of(PatchWriterTest.patch(true)));
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    @Test
    void writesEveryFileIntoTheSlideFolder() throws IOException {
        SlideFileWriter extra = new SlideFileWriter() {
            @Override
            public String fileName(String stem) {
                return stem + "-extra.txt";
            }

            @Override
            public void write(SlideResult result, Path file) throws IOException {
                AtomicFiles.writeString(file, result.slide().name());
            }
        };
        Path folder = new ResultWriter(OutputOptions.defaults(), List.of(extra))
                .write(SampleResults.sample(), extras(), out.resolve("kidney 7.svs"), new CancellationToken());
        assertEquals(out.resolve("kidney 7.svs"), folder);
        assertEquals(Set.of("kidney 7.xml", "kidney 7-masks.xml", "kidney 7.geojson", "kidney 7-glomeruli.csv",
                "kidney 7-overlay.png", "kidney 7-extra.txt", "run.json",
                "patches/normal/kidney 7-G0001-x1200-y3400-w300-h300.png",
                "masks/kidney 7-G0001-x1200-y3400-w300-h300.png"), files(folder));
        assertEquals(List.of(folder), Files.list(out).toList(), "no partial or temporary leftovers");
        SampleResults.assertGolden("kidney 7.xml", folder.resolve("kidney 7.xml"));
        assertEquals(extras().manifest().orElseThrow(), RunManifest.read(folder.resolve("run.json")));
    }

    @Test
    void chosenFormatsOnlyAndPatchesOff() throws IOException {
        OutputOptions only = new OutputOptions(EnumSet.of(OutputFormat.CSV), false, false);
        Path folder = new ResultWriter(only, List.of()).write(SampleResults.sample(), extras(), out.resolve("k"),
                new CancellationToken());
        assertEquals(Set.of("kidney 7-glomeruli.csv", "run.json"), files(folder), "run.json is no format");
    }

    @Test
    void cancelledRunLeavesNoFolderAndKeepsTheEarlierOne() throws IOException {
        ResultWriter writer = new ResultWriter(OutputOptions.defaults(), List.of());
        Path folder = writer.write(SampleResults.sample(), extras(), out.resolve("kidney 7"), new CancellationToken());
        Set<String> before = files(folder);
        String csvBefore = Files.readString(folder.resolve("kidney 7-glomeruli.csv"));
        CancellationToken cancel = new CancellationToken();
        SlideFileWriter cancelling = new SlideFileWriter() {
            @Override
            public String fileName(String stem) {
                return "x";
            }

            @Override
            public void write(SlideResult result, Path file) {
                cancel.cancel();
            }
        };
        SlideResult other = SampleResults.sample(java.util.OptionalDouble.of(0.25), "kidney 7.svs");
        assertThrows(CancellationException.class, () -> new ResultWriter(OutputOptions.defaults(), List.of(cancelling))
                .write(other, extras(), out.resolve("kidney 7"), cancel));
        assertEquals(List.of(folder), Files.list(out).toList());
        assertEquals(before, files(folder));
        assertEquals(csvBefore, Files.readString(folder.resolve("kidney 7-glomeruli.csv")));
    }

    @Test
    void failedWriteLeavesNoPartialFolder() throws IOException {
        SlideFileWriter failing = new SlideFileWriter() {
            @Override
            public String fileName(String stem) {
                return "x";
            }

            @Override
            public void write(SlideResult result, Path file) throws IOException {
                throw new ResultFileException(file, "disk full");
            }
        };
        assertThrows(ResultFileException.class, () -> new ResultWriter(OutputOptions.defaults(), List.of(failing))
                .write(SampleResults.sample(), extras(), out.resolve("kidney 7"), new CancellationToken()));
        assertEquals(List.of(), Files.list(out).toList(), "neither the folder nor a partial one");
    }

    @Test
    void rewritingReplacesTheFolder() throws IOException {
        ResultWriter writer = new ResultWriter(OutputOptions.defaults(), List.of());
        writer.write(SampleResults.sample(), extras(), out.resolve("kidney 7"), new CancellationToken());
        Files.writeString(out.resolve("kidney 7/stale.txt"), "old");
        Path folder = writer.write(SampleResults.sample(), ResultWriter.SlideExtras.none(), out.resolve("kidney 7"),
                new CancellationToken());
        assertFalse(Files.exists(folder.resolve("stale.txt")));
        assertFalse(Files.exists(folder.resolve("kidney 7-overlay.png")), "no thumbnail this time");
        assertEquals(List.of(folder), Files.list(out).toList());
    }
}
