package org.gloinone.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.gloinone.cli.RunOptions;
import org.gloinone.job.OutputLock;
import org.gloinone.slide.SlideOpener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark application for cohorts: {@code spark-submit --class org.gloinone.spark.CohortRun <jar> SLIDES... -o
 * OUT [run options]}, or {@code ./glo-in-one cohort --master 'local[N]' ...} on one machine. Each slide is one
 * task running the slide job of {@code glo-in-one run}; the output folder gets one complete folder per slide,
 * {@code summary.csv}, {@code cohort.parquet} and {@code glomeruli.parquet}. Exit codes as {@code run}: 0 all
 * slides done, 1 some failed (they are failed rows), 2 usage error.
 */
@Command(name = "glo-in-one cohort", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run All-in-One over a cohort of slides with Apache Spark: one task per slide, models "
                + "loaded once per executor, one complete folder per slide, and the cohort's Parquet tables.",
            "Exit codes: 0 all slides done, 1 some failed (failed rows in cohort.parquet), 2 usage error."})
public final class CohortRun implements Callable<Integer> {
    static final int SOME_FAILED = 1;
    static final int USAGE = 2;

    @Parameters(arity = "1..*", paramLabel = "SLIDES",
            description = "Slide files, folders of slides (name order) or .txt lists of slides (one a line), "
                    + "as paths or Hadoop FileSystem URIs (hdfs://, s3a://, file:).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output folder (path or URI): one subfolder per slide, summary.csv, cohort.parquet, "
                    + "glomeruli.parquet.")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] on one machine (default: what spark-submit set).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Number of tasks; each runs its slides one after another (default: one task per slide).")
    Integer partitions;

    @Option(names = "--resume", description = "Skip slides whose folder is complete with the same slide file, "
            + "models and options.")
    boolean resume;

    @Mixin
    RunOptions options;

    private final PrintStream out;
    private final PrintStream err;

    CohortRun(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Entry point of {@code spark-submit} and of {@code ./glo-in-one cohort}. */
    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        System.exit(commandLine(System.out, System.err).execute(args));
    }

    /** The command with its output streams, as {@link #main} runs it. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandLine(new CohortRun(out, err));
    }

    @Override
    public Integer call() {
        CohortSettings settings;
        int tasks;
        List<SlideSource> slides;
        SparkSession spark;
        double startSeconds;
        // A session that was running before (a notebook's, a test's) stays running afterwards.
        boolean ours = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        try {
            options.pipelineOptions(); // the run validator, as glo-in-one run: fail here, not in every task
            options.outputOptions();
            if (partitions != null && partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
            }
            long start = System.nanoTime();
            spark = session();
            startSeconds = (System.nanoTime() - start) / 1e9;
        } catch (IllegalArgumentException e) {
            err.println("glo-in-one cohort: " + e.getMessage());
            return USAGE;
        }
        try {
            try {
                slides = SlideInputList.expand(inputs, slideExtensions(), spark.sparkContext().hadoopConfiguration());
                settings = new CohortSettings(new OutputFolder(output, spark.sparkContext().hadoopConfiguration())
                        .root().toString(), options.arguments(), resume);
                tasks = partitions == null ? slides.size() : Math.min(partitions, slides.size());
            } catch (IllegalArgumentException | IOException e) {
                err.println("glo-in-one cohort: " + e.getMessage());
                return USAGE;
            }
            err.printf(java.util.Locale.ROOT, "glo-in-one cohort: %d slides in %d tasks on %s (Spark started in "
                    + "%.1f s)%n", slides.size(), tasks, spark.sparkContext().master(), startSeconds);
            // On a local disk the folder is locked as glo-in-one run locks it, so the two never write there at once.
            java.net.URI outUri = java.net.URI.create(settings.output());
            try (OutputLock lock = "file".equals(outUri.getScheme()) ? OutputLock.acquire(Path.of(outUri)) : null) {
                long start = System.nanoTime();
                List<SlideRecord> records = CohortJob.run(spark, slides, settings, tasks, new SlideTask(settings));
                err.printf(java.util.Locale.ROOT, "glo-in-one cohort: slides and tables done in %.1f s%n",
                        (System.nanoTime() - start) / 1e9);
                return report(records, settings);
            } catch (OutputLock.HeldException e) {
                err.println("glo-in-one cohort: " + e.getMessage());
                return USAGE;
            }
        } catch (IOException | RuntimeException e) {
            err.println("glo-in-one cohort: " + e.getMessage());
            return SOME_FAILED;
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }

    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("glo-in-one cohort");
        if (master != null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    private int report(List<SlideRecord> records, CohortSettings settings) {
        for (SlideRecord r : records) {
            switch (r.status()) {
                case SlideRecord.DONE -> out.println(r.source().name() + ": done -> " + r.folder());
                case SlideRecord.SKIPPED -> out.println(r.source().name()
                        + ": skipped, finished earlier with the same models and options");
                default -> out.println(r.source().name() + ": failed");
            }
        }
        out.println("\ncohort table: " + settings.output() + "/" + CohortTables.COHORT);
        out.println("glomeruli table: " + settings.output() + "/" + CohortTables.GLOMERULI);
        List<SlideRecord> failed = records.stream().filter(r -> r.status().equals(SlideRecord.FAILED)).toList();
        if (failed.isEmpty()) {
            return 0;
        }
        err.println("\nfailed slides:");
        failed.forEach(f -> err.println("  " + f.failure()));
        return SOME_FAILED;
    }

    private static Set<String> slideExtensions() {
        Set<String> extensions = new TreeSet<>();
        SlideOpener.defaultBackends().forEach(b -> extensions.addAll(b.extensions()));
        return extensions;
    }
}
