package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;
import org.gloinone.slide.SlideLevel;
import org.gloinone.slide.SlideOpener;

import com.sun.management.OperatingSystemMXBean;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Times slide reads through chosen backends on the same file in the same run.
 * <ul>
 *   <li>{@code speed FILE}: random level-0 regions and whole low levels, per backend, and the time
 *       ratio of each backend to the first one;</li>
 *   <li>{@code heap FILE}: reads every region of level 0 in a grid and reports the peak Java heap
 *       (run it with a small {@code -Xmx}, e.g. 256m).</li>
 * </ul>
 * Backends are given by name ({@code tiff}, {@code openslide}, ...); unavailable ones are reported and
 * skipped. A synthetic test pyramid can be made with {@link SyntheticPyramid}. A standalone main class,
 * not a subcommand of {@code glo-in-one}.
 */
@Command(name = "slide-read-benchmark", mixinStandardHelpOptions = true, showDefaultValues = true,
        subcommands = {SlideReadBenchmark.Speed.class, SlideReadBenchmark.Heap.class},
        description = "Benchmarks of slide reading through the backends.")
public final class SlideReadBenchmark implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the benchmark; exit status 0 when it completed, 2 on bad input. */
    public static void main(String[] args) {
        int status = new CommandLine(new SlideReadBenchmark()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The default backend of this name, or null. */
    static SlideBackend backend(String name) {
        for (SlideBackend b : SlideOpener.defaultBackends()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** Random level-0 regions and whole low levels, per backend. */
    @Command(name = "speed", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Time random level-0 regions and whole low levels for each backend on the same file.")
    static final class Speed implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The slide file.")
        Path file;

        @Option(names = "--backends", split = ",", defaultValue = "tiff,openslide",
                description = "Backends to compare, the first is the reference of the ratios.")
        List<String> backends;

        @Option(names = "--regions", defaultValue = "100", description = "Random regions per timed pass.")
        int regions;

        @Option(names = "--size", defaultValue = "1024", description = "Region side in pixels.")
        int size;

        @Option(names = "--passes", defaultValue = "3",
                description = "Timed passes per backend (interleaved across backends; the median is reported).")
        int passes;

        @Option(names = "--max-level-pixels", defaultValue = "16777216",
                description = "Whole levels are timed when they have at most this many pixels.")
        long maxLevelPixels;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the region positions.")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Slide> slides = new ArrayList<>();
            try {
                for (String name : backends) {
                    SlideBackend b = backend(name);
                    if (b == null) {
                        out.printf("%s: no such backend, skipped%n", name);
                        continue;
                    }
                    if (!b.isAvailable()) {
                        out.printf("%s: not available (%s), skipped%n", name, b.unavailableReason());
                        continue;
                    }
                    slides.add(b.open(file));
                }
                if (slides.isEmpty()) {
                    spec.commandLine().getErr().println(file.getFileName() + ": no backend available");
                    return 2;
                }
                Slide first = slides.get(0);
                SlideLevel l0 = first.levels().get(0);
                out.printf(Locale.ROOT, "file %s: %d x %d, %d levels, %s%n", file.getFileName(), l0.width(), l0.height(),
                        first.levelCount(), first.formatName());
                out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

                // Each pass reads other positions (the same for every backend), so a pass does not
                // re-read tiles that the previous pass left in a backend's cache. Backends alternate
                // within a pass, so load on a shared machine hits them alike.
                long[][] warmup = positions(l0, Math.max(5, regions / 10), size, new SplittableRandom(seed - 1));
                for (Slide s : slides) {
                    readAll(s, warmup, size);
                }
                Timing[][] regionTimes = new Timing[slides.size()][passes];
                for (int p = 0; p < passes; p++) {
                    long[][] positions = positions(l0, regions, size, new SplittableRandom(seed + p));
                    for (int i = 0; i < slides.size(); i++) {
                        Slide s = slides.get(i);
                        regionTimes[i][p] = Timing.of(() -> readAll(s, positions, size));
                    }
                }
                out.printf(Locale.ROOT, "random %dx%d level-0 regions, %d per pass, %d passes (medians):%n",
                        size, size, regions, passes);
                report(out, slides, regionTimes, regions);
                if (slides.size() > 1) {
                    long[] p0 = positions(l0, 1, size, new SplittableRandom(seed))[0];
                    out.printf(Locale.ROOT, "  mean |difference| per channel on one region, %s vs %s: %.3f%n",
                            slides.get(0).backendName(), slides.get(1).backendName(),
                            meanAbsDiff(slides.get(0), slides.get(1), p0, size));
                }
                for (int level = 0; level < first.levelCount(); level++) {
                    SlideLevel l = first.levels().get(level);
                    if (l.width() * l.height() > maxLevelPixels) {
                        continue;
                    }
                    out.printf(Locale.ROOT, "whole level %d (%d x %d), freshly opened, %d passes (medians):%n",
                            level, l.width(), l.height(), passes);
                    Timing[][] times = new Timing[slides.size()][passes];
                    for (int p = 0; p < passes; p++) {
                        for (int i = 0; i < slides.size(); i++) {
                            // A fresh handle: a whole level fits in the caches, and a warm cache times nothing.
                            try (Slide fresh = backend(slides.get(i).backendName()).open(file)) {
                                int lv = level;
                                times[i][p] = Timing.of(() -> fresh.readRegion(lv, 0, 0, (int) l.width(), (int) l.height()));
                            }
                        }
                    }
                    report(out, slides, times, 1);
                }
                out.flush();
                return 0;
            } finally {
                for (Slide s : slides) {
                    s.close();
                }
            }
        }
    }

    /** Every region of level 0 in a grid, reporting the peak heap. */
    @Command(name = "heap", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Read every SIZE x SIZE region of level 0 and report the peak Java heap (run with -Xmx256m).")
    static final class Heap implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The slide file.")
        Path file;

        @Option(names = "--backend", defaultValue = "tiff", description = "Backend to read with.")
        String backend;

        @Option(names = "--size", defaultValue = "1024", description = "Region side in pixels.")
        int size;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            SlideBackend b = backend(backend);
            if (b == null || !b.isAvailable()) {
                spec.commandLine().getErr().println(backend + ": not available ("
                        + (b == null ? "no such backend" : b.unavailableReason()) + ")");
                return 2;
            }
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            long regionsRead = 0;
            long checksum = 0;
            long peakAfterGc = 0;
            try (Slide slide = b.open(file)) {
                SlideLevel l0 = slide.levels().get(0);
                for (long y = 0; y < l0.height(); y += size) {
                    for (long x = 0; x < l0.width(); x += size) {
                        int w = (int) Math.min(size, l0.width() - x);
                        int h = (int) Math.min(size, l0.height() - y);
                        int[] px = slide.readRegion(0, x, y, w, h).update(null).getCurrentStorageArray();
                        checksum += px[px.length / 2] & 0xffffff;
                        regionsRead++;
                        // What each pool held after its last collection: the live data, without garbage.
                        long afterGc = 0;
                        for (MemoryPoolMXBean pool : heapPools) {
                            afterGc += pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed();
                        }
                        peakAfterGc = Math.max(peakAfterGc, afterGc);
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                // The sum of each heap pool's peak: an upper bound of the peak of the whole heap.
                long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                out.printf(Locale.ROOT, "%s via %s: %d regions of up to %dx%d over %d x %d in %.1f s%n"
                                + "  peak heap used %.1f MiB (garbage included), peak heap after GC %.1f MiB, max heap %d MiB"
                                + " (checksum %d)%n",
                        file.getFileName(), backend, regionsRead, size, size, l0.width(), l0.height(), seconds,
                        peak / 1048576.0, peakAfterGc / 1048576.0, Runtime.getRuntime().maxMemory() >> 20, checksum);
                out.flush();
            }
            return 0;
        }
    }

    /** Prints per backend the median wall and CPU time per item, and the median per-pass ratio to the first backend. */
    private static void report(PrintWriter out, List<Slide> slides, Timing[][] times, int items) {
        for (int i = 0; i < slides.size(); i++) {
            int passes = times[i].length;
            double[] wall = new double[passes];
            double[] cpu = new double[passes];
            double[] wallRatio = new double[passes];
            double[] cpuRatio = new double[passes];
            for (int p = 0; p < passes; p++) {
                wall[p] = times[i][p].wallSeconds();
                cpu[p] = times[i][p].cpuSeconds();
                wallRatio[p] = wall[p] / times[0][p].wallSeconds();
                cpuRatio[p] = cpu[p] / times[0][p].cpuSeconds();
            }
            out.printf(Locale.ROOT, "  %-10s wall %8.2f ms  cpu %8.2f ms  per %s;  %s/%s time ratio: wall %.2f, cpu %.2f%n",
                    slides.get(i).backendName(), 1000 * median(wall) / items, 1000 * median(cpu) / items,
                    items == 1 ? "read" : "region", slides.get(i).backendName(), slides.get(0).backendName(),
                    median(wallRatio), median(cpuRatio));
        }
    }

    /**
     * Wall-clock time and the CPU time of the whole process (all threads: a reader that decodes tiles in
     * parallel, native decoding, and the garbage collector) of one timed action.
     */
    record Timing(double wallSeconds, double cpuSeconds) {
        interface Action {
            void run() throws IOException;
        }

        static Timing of(Action action) throws IOException {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            action.run();
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            return new Timing((t1 - t0) / 1e9, (c1 - c0) / 1e9);
        }
    }

    static long[][] positions(SlideLevel l0, int count, int size, SplittableRandom random) {
        long[][] p = new long[count][2];
        for (int i = 0; i < count; i++) {
            p[i][0] = random.nextLong(Math.max(1, l0.width() - size + 1));
            p[i][1] = random.nextLong(Math.max(1, l0.height() - size + 1));
        }
        return p;
    }

    private static void readAll(Slide slide, long[][] positions, int size) throws IOException {
        for (long[] p : positions) {
            slide.readRegion(0, p[0], p[1], size, size);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double meanAbsDiff(Slide a, Slide b, long[] p, int size) throws IOException {
        int[] pa = a.readRegion(0, p[0], p[1], size, size).update(null).getCurrentStorageArray();
        int[] pb = b.readRegion(0, p[0], p[1], size, size).update(null).getCurrentStorageArray();
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff));
            }
        }
        return sum / (3.0 * pa.length);
    }
}
