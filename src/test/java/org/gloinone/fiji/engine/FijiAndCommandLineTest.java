package org.gloinone.fiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.gloinone.cli.GloInOne;
import org.gloinone.fiji.Stage;
import org.gloinone.fiji.StageOptions;
import org.gloinone.fiji.StageRunner;
import org.gloinone.io.RunManifest;
import org.gloinone.model.ModelFinder;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.StageTimings;
import org.gloinone.slide.SlideOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fiji's All-in-One (menu command path, headless) and {@code glo-in-one run} on the bundled sample with the
 * bundled models write the same slide folder: the same files with the same bytes, and run.json alike but
 * for the wall times.
 */
class FijiAndCommandLineTest {
    private static final Path MODELS = Path.of("models");
    private static final Path SAMPLE = Path.of("samples/kidney-pas-mosaic.tif");

    @Test
    void fijiAndTheCommandLineWriteTheSameFiles(@TempDir Path cli, @TempDir Path fiji) throws IOException {
        assumeTrue(Files.isDirectory(MODELS.resolve("detector")), "the bundled models are absent");
        PrintStream out = System.out;
        int code;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            code = GloInOne.commandLine().execute("run", SAMPLE.toString(), "-o", cli.toString(), "--models",
                    MODELS.toString(), "--threads", "2");
        } finally {
            System.setOut(out);
        }
        assertEquals(0, code);

        PipelineService service = new PipelineService(new InstalledModels(ModelFinder.forThisProgram(MODELS)),
                SlideOpener.withDefaultBackends());
        new StageRunner(service).run(StageOptions.parse(Stage.ALL_IN_ONE, "slide=[" + SAMPLE + "] output=[" + fiji
                + "] threads=2 tissue min-tissue=0.01 formats=[xml,geojson,csv,rois,overlay]"), Optional.empty(),
                List.of(), ProgressListener.SILENT, new CancellationToken());

        List<String> files = files(cli);
        assertEquals(files, files(fiji));
        for (String f : files) {
            if (f.endsWith("run.json")) {
                assertEquals(timesAside(RunManifest.read(cli.resolve(f))), timesAside(RunManifest.read(fiji.resolve(f))));
            } else if (f.equals("summary.csv")) {
                assertEquals(withoutLastColumn(cli.resolve(f)), withoutLastColumn(fiji.resolve(f)));
            } else {
                assertArrayEquals(Files.readAllBytes(cli.resolve(f)), Files.readAllBytes(fiji.resolve(f)), f);
            }
        }
        assertEquals(true, files.contains("kidney-pas-mosaic.tif/run.json"), files.toString());
    }

    private static RunManifest timesAside(RunManifest m) {
        return new RunManifest(m.programVersion(), m.slideName(), m.sourcePath(), m.slide(), m.models(), m.options(),
                new StageTimings(0, 0, 0, 0), m.counts(), m.classNames(), m.sclerosedClasses(), m.glomeruli(),
                m.tissueAreaMm2(), m.stainFactors());
    }

    private static List<String> withoutLastColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
