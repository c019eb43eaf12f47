package org.gloinone.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.classify.Classification;
import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.model.Task;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.SlideInfo;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.pipeline.StageTimings;
import org.gloinone.segment.Morphometry;
import org.gloinone.segment.Outline;

/** A fixed slide result for the writer tests, with golden files under src/test/resources. */
public final class SampleResults {
    /** Set -Dgloinone.golden.update=true to rewrite the golden files (then review the diff). */
    private static final boolean UPDATE = Boolean.getBoolean("gloinone.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/org/gloinone/io/golden");

    static final List<String> MODEL_CLASSES = List.of("normal", "sclerosed", "non-glomerular");

    private SampleResults() {
    }

    /** Two classes, three glomeruli (one far out at x = 70000, one not segmented), one rejected detection. */
    public static SlideResult sample() {
        return sample(OptionalDouble.of(0.5), "kidney 7.svs");
    }

    /** The sample with another um/px and slide name. */
    public static SlideResult sample(OptionalDouble mpp, String slideName) {
        GlomerulusResult g1 = new GlomerulusResult(1, new Detection(new Circle(1200.5, 3400.25, 150), 0.93),
                Optional.of(classification("normal", 0.9, 0.08, 0.02)),
                // listed clockwise in the y-up sense (negative signed area): writers must cope
                Optional.of(new Outline(new double[] {1100, 1100.5, 1300, 1310.25},
                        new double[] {3300, 3500, 3500.5, 3290})),
                Optional.of(new Morphometry(10123.456, 401.5, 113.53, 0.7891, 0.9512)));
        GlomerulusResult g2 = new GlomerulusResult(2, new Detection(new Circle(5000, 2000, 120.5), 0.81),
                Optional.of(classification("sclerosed", 0.1, 0.85, 0.05)), Optional.empty(), Optional.empty());
        GlomerulusResult g3 = new GlomerulusResult(3, new Detection(new Circle(70000.75, 40000.5, 200), 0.66),
                Optional.of(classification("normal", 0.6, 0.3, 0.1)),
                Optional.of(new Outline(new double[] {69850, 70150, 70160, 69840},
                        new double[] {39850, 39845, 40150, 40160})),
                Optional.of(new Morphometry(22500.5, 600.25, 169.25, 0.785, 0.99)));
        GlomerulusResult rejected = new GlomerulusResult(4, new Detection(new Circle(300, 300, 50), 0.5),
                Optional.of(classification("non-glomerular", 0.1, 0.1, 0.8)), Optional.empty(), Optional.empty());
        return new SlideResult(new SlideInfo(slideName, "tiff", 80000, 50000, mpp),
                PipelineOptions.builder().threads(4).scoreThreshold(0.5).build(),
                List.of(new ModelInfo("detect", "circlenet", "1.0", "ab".repeat(32)),
                        new ModelInfo("classify", "resnet", "1.0", "cd".repeat(32))),
                List.of("normal", "sclerosed"), Set.of("sclerosed"), List.of(g1, g2, g3), List.of(rejected), 12.5,
                40, 10, new StageTimings(1000, 200, 300, 1650));
    }

    /** Only detection ran: one unclassified glomerulus, um/px unknown. */
    public static SlideResult detectionOnly() {
        GlomerulusResult g = new GlomerulusResult(1, new Detection(new Circle(400, 500, 60), 0.75), Optional.empty(),
                Optional.empty(), Optional.empty());
        return new SlideResult(new SlideInfo("plain.tiff", "tiff", 1000, 1000, OptionalDouble.empty()),
                PipelineOptions.builder().stages(EnumSet.of(Task.DETECT)).threads(2).build(), List.of(),
                List.of(GlomerulusResult.UNCLASSIFIED), Set.of(), List.of(g), List.of(), Double.NaN, 4, 0,
                new StageTimings(100, 0, 0, 120));
    }

    static Classification classification(String name, double... p) {
        return new Classification(name, MODEL_CLASSES, List.of(p[0], p[1], p[2]));
    }

    /** Compares {@code actual} with the golden file {@code name} (or rewrites it when updating). */
    /** The run manifests of results, by slide name, as their slide folders would hold them. */
    static java.util.SortedMap<String, RunManifest> manifests(SlideResult... results) {
        java.util.SortedMap<String, RunManifest> m = new java.util.TreeMap<>();
        for (SlideResult r : results) {
            m.put(r.slide().name(), RunManifest.of(r, "/slides/" + r.slide().name(),
                    new SlideFingerprint(1, 2, "00".repeat(32)), RunManifest.optionsOf(r.options(),
                            OutputOptions.defaults())));
        }
        return m;
    }

    static void assertGolden(String name, Path actual) throws IOException {
        String text = Files.readString(actual, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(golden), "golden file missing: " + golden);
        org.junit.jupiter.api.Assertions.assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text,
                "differs from golden " + golden);
    }
}
