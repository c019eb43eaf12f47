package org.gloinone.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gloinone.model.Folders;
import org.gloinone.slide.Slide;
import org.gloinone.slide.tiff.PyramidTiffWriter;
import org.gloinone.slide.tiff.TiffSlideBackend;

/**
 * The cohort application's overhead on one machine: the same slides through {@code glo-in-one run --threads 2}
 * (one slide at a time, two TensorFlow threads) and through the cohort in {@code local[2]} (two slides at a time,
 * sharing the executor's models and so TensorFlow's one pool of two threads), each in a JVM of its own as a user
 * runs them, so JVM, TensorFlow and Spark start and stop are included. Rounds alternate which side goes first.
 *
 * <p>Arguments: {@code SLIDE COPIES MODELS [MOSAIC [ROUNDS [MASTER]]]}, e.g.
 * {@code samples/kidney-pas-mosaic.tif 8 models 3 1 local[2]}: eight copies of the sample tiled 3 x 3
 * (12288 x 9216 px), one round, the cohort in {@code local[2]}.
 */
public final class CohortBenchmark {
    private CohortBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path sample = Path.of(args[0]);
        int copies = Integer.parseInt(args[1]);
        String models = args[2];
        int mosaic = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String master = args.length > 5 ? args[5] : "local[2]";
        Path work = Files.createTempDirectory("cohort-benchmark-");
        Path slides = Files.createDirectories(work.resolve("slides"));
        Path slide = mosaic == 1 ? sample : mosaic(sample, mosaic, work.resolve("mosaic.tif"));
        for (int i = 1; i <= copies; i++) {
            Files.copy(slide, slides.resolve(String.format(Locale.ROOT, "slide-%02d.tif", i)));
        }
        try {
            for (int round = 1; round <= rounds; round++) {
                boolean runFirst = round % 2 == 1;
                double run = 0;
                double cohort = 0;
                for (int step = 0; step < 2; step++) {
                    Path out = work.resolve("out");
                    Folders.deleteTree(out);
                    if ((step == 0) == runFirst) {
                        run = timedJvm("org.gloinone.cli.GloInOne", "run", slides.toString(), "-o", out.toString(),
                                "--models", models, "--threads", "2");
                    } else {
                        cohort = timedJvm(CohortRun.class.getName(), slides.toString(), "-o", out.toString(),
                                "--master", master, "--models", models, "--threads", "2");
                    }
                }
                System.out.printf(Locale.ROOT, "round %d (%s first): run --threads 2 %.1f s, cohort %s %.1f s, "
                        + "overhead %+.1f %%%n", round, runFirst ? "run" : "cohort", run, master, cohort,
                        100 * (cohort - run) / run);
            }
        } finally {
            Folders.deleteTree(work);
        }
    }

    /** Wall time of a main class in a JVM of its own (start, Spark's start and stop included), as a user runs it. */
    private static double timedJvm(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx4g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(mainClass + " exited with " + code);
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The sample repeated {@code n} x {@code n} times: a slide of real tissue and glomeruli, n^2 times larger. */
    private static Path mosaic(Path sample, int n, Path file) throws IOException {
        try (Slide s = new TiffSlideBackend().open(sample)) {
            int w = (int) s.levels().get(0).width();
            int h = (int) s.levels().get(0).height();
            double mpp = s.requireMicronsPerPixel();
            PyramidTiffWriter.write((x, y, tw, th) -> {
                int[] out = new int[tw * th];
                // The requested rectangle falls into at most four pieces of the repeated sample.
                for (int dy = 0; dy < th; ) {
                    int sy = (int) ((y + dy) % h);
                    int rows = Math.min(th - dy, h - sy);
                    for (int dx = 0; dx < tw; ) {
                        int sx = (int) ((x + dx) % w);
                        int cols = Math.min(tw - dx, w - sx);
                        int[] piece = s.readRegion(0, sx, sy, cols, rows).update(null).getCurrentStorageArray();
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(piece, r * cols, out, (dy + r) * tw + dx, cols);
                        }
                        dx += cols;
                    }
                    dy += rows;
                }
                return out;
            }, w * n, h * n, PyramidTiffWriter.Options.defaults().withTileSize(512)
                    .withMicronsPerPixel(mpp), file);
        }
        return file;
    }
}
