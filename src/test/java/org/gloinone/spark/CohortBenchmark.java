package org.gloinone.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gloinone.cli.GloInOne;
import org.gloinone.model.Folders;

/**
 * The cohort application's overhead on one machine: the same slides through {@code glo-in-one run --threads 2}
 * (one slide at a time, two TensorFlow threads) and through the cohort in {@code local[2]} (two slides at a time,
 * one thread each), Spark's start and stop included, in one JVM. Two rounds in opposite order, so neither side
 * gets the warm JVM both times.
 *
 * <p>Arguments: {@code SLIDE COPIES MODELS}, e.g. {@code samples/kidney-pas-mosaic.tif 8 models}.
 */
public final class CohortBenchmark {
    private CohortBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path sample = Path.of(args[0]);
        int copies = Integer.parseInt(args[1]);
        String models = args[2];
        Path work = Files.createTempDirectory("cohort-benchmark-");
        Path slides = Files.createDirectories(work.resolve("slides"));
        for (int i = 1; i <= copies; i++) {
            Files.copy(sample, slides.resolve(String.format(Locale.ROOT, "slide-%02d.tif", i)));
        }
        PrintStream console = System.out;
        try {
            for (int round = 1; round <= 2; round++) {
                boolean runFirst = round == 1;
                double run = 0;
                double cohort = 0;
                for (int step = 0; step < 2; step++) {
                    Path out = work.resolve("out");
                    Folders.deleteTree(out);
                    if ((step == 0) == runFirst) {
                        run = timed(() -> GloInOne.commandLine().execute("run", slides.toString(), "-o",
                                out.toString(), "--models", models, "--threads", "2"));
                    } else {
                        cohort = timed(() -> CohortRun.commandLine(quiet(), System.err).execute(slides.toString(),
                                "-o", out.toString(), "--master", "local[2]", "--models", models, "--threads", "1"));
                    }
                }
                console.printf(Locale.ROOT, "round %d (%s first): run --threads 2 %.1f s, cohort local[2] %.1f s, "
                        + "overhead %+.1f %%%n", round, runFirst ? "run" : "cohort", run, cohort,
                        100 * (cohort - run) / run);
            }
        } finally {
            Folders.deleteTree(work);
        }
    }

    private interface Command {
        int execute();
    }

    private static double timed(Command command) {
        long start = System.nanoTime();
        int code = command.execute();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("exit code " + code);
        }
        return seconds;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
