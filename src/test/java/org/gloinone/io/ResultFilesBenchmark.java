package org.gloinone.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.imagej.RoiSetZip;
import org.gloinone.model.Folders;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Morphometry;
import org.gloinone.segment.Outline;

/**
 * Times writing and reading the result files of a large synthetic slide result (not a unit test).
 * Usage: {@code java -cp <test classpath> org.gloinone.io.ResultFilesBenchmark [glomeruli] [vertices]}.
 */
public final class ResultFilesBenchmark {
    private ResultFilesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int vertices = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SlideResult base = SampleResults.sample();
        List<GlomerulusResult> glomeruli = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Circle c = new Circle(1000 + (i % 200) * 450.25, 1000 + (i / 200) * 450.5, 150 + i % 50);
            Outline o = Polygons.circleAsOutline(new Circle(c.centerX(), c.centerY(), c.radius() * 0.9), vertices);
            glomeruli.add(new GlomerulusResult(i + 1, new Detection(c, 0.5 + (i % 50) / 100.0),
                    Optional.of(SampleResults.classification(i % 5 == 0 ? "sclerosed" : "normal", 0.6, 0.3, 0.1)),
                    Optional.of(o), Optional.of(new Morphometry(15000, 450, 138, 0.93, 0.98))));
        }
        SlideResult big = new SlideResult(base.slide(), base.options(), base.models(), base.classNames(),
                Set.of("sclerosed"), glomeruli, List.of(), 120, 4000, 100, base.timings());
        Path dir = Files.createTempDirectory("gloinone-bench");
        try {
            for (int round = 0; round < 3; round++) {
                System.out.println("round " + (round + 1) + ": " + count + " glomeruli, " + vertices
                        + "-vertex outlines");
                time("ImageScope circles write", () -> new ImageScopeXml(false).writeCircles(big, dir.resolve("a.xml")));
                time("ImageScope masks write", () -> new ImageScopeXml(false).writeOutlines(big, dir.resolve("m.xml")));
                time("GeoJSON write", () -> new GeoJson().write(big, dir.resolve("a.geojson")));
                time("CSV write", () -> ResultTables.writeGlomeruli(big, dir.resolve("a.csv")));
                time("ROI set write", () -> new RoiSetZip().write(big, dir.resolve("a.zip")));
                time("ImageScope masks read", () -> new ImageScopeReader().read(dir.resolve("m.xml")));
                time("GeoJSON read", () -> new GeoJson().read(dir.resolve("a.geojson")));
                time("ROI set read", () -> new RoiSetZip().read(dir.resolve("a.zip")));
            }
            for (String f : List.of("a.xml", "m.xml", "a.geojson", "a.csv", "a.zip")) {
                System.out.printf(Locale.ROOT, "%-10s %8.1f MB%n", f, Files.size(dir.resolve(f)) / 1e6);
            }
        } finally {
            Folders.deleteTree(dir);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void time(String what, Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        System.out.printf(Locale.ROOT, "  %-26s %7.0f ms%n", what, (System.nanoTime() - t0) / 1e6);
    }
}
