package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.gloinone.FileTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code update-site/assemble.sh} on the compiled classes and the runtime class path, then checks the tree
 * with {@code jdeps}: every class the plugin jar refers to is in the jar, in the shipped engine jars or in an
 * artifact Fiji provides ({@code update-site/fiji-provided.txt}); and the classes Fiji's own class loader loads
 * (the shared ones) refer only to Fiji's artifacts and other shared classes, never to engine classes.
 */
class UpdateSiteTreeTest {
    private static final Set<String> TEST_ONLY = Set.of("junit-", "opentest4j-", "apiguardian-", "surefire");

    @TempDir
    static Path dir;
    private static Path fiji;
    private static Path pluginJar;
    private static List<Path> providedJars;

    @BeforeAll
    static void assemble() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run update-site/assemble.sh");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        for (String entry : System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && TEST_ONLY.stream().noneMatch(name::startsWith)) {
                Files.copy(p, lib.resolve(name));
            }
        }
        Path jar = jarOf(Path.of("target/classes"), dir.resolve("Glo_In_One-test.jar"));
        fiji = dir.resolve("Fiji.app");
        ProcessBuilder script = new ProcessBuilder("/bin/bash", "update-site/assemble.sh", fiji.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("assemble.log").toFile());
        // The script builds with Maven unless told not to; the test hands it the build it already has.
        script.environment().put("SKIP_BUILD", "1");
        script.environment().put("GLO_JAR", jar.toString());
        script.environment().put("GLO_LIB", lib.toString());
        script.environment().put("JAR", Path.of(System.getProperty("java.home"), "bin", "jar").toString());
        Process p = script.start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("assemble.log")));
        String version = Files.readString(Path.of("pom.xml")).replaceAll("(?s).*?<artifactId>Glo_In_One</artifactId>\\s*"
                + "<version>([^<]+)</version>.*", "$1");
        pluginJar = fiji.resolve("plugins/Glo_In_One-" + version + ".jar");
        List<String> provided = Files.readAllLines(Path.of("update-site/fiji-provided.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(lib)) {
            providedJars = files.filter(f -> provided.stream().anyMatch(a ->
                    f.getFileName().toString().matches(a + "-[0-9].*\\.jar"))).toList();
        }
        assertEquals(provided.size(), providedJars.size(), "each provided artifact is on the build's class path");
    }

    @Test
    void treeHasThePluginTheEngineAndNothingFijiShips() throws IOException {
        assertTrue(Files.isRegularFile(pluginJar), pluginJar + " exists");
        Set<String> engine = names(fiji.resolve(EngineLocation.JARS));
        assertTrue(engine.contains("tensorflow-core-api-1.1.0.jar"), engine.toString());
        assertTrue(engine.contains("javacpp-1.5.11.jar"), engine.toString());
        assertTrue(engine.contains("protobuf-java-3.21.9.jar"), engine.toString());
        assertTrue(engine.contains("tensorflow-core-native-1.1.0.jar"), "TensorFlow's platform-independent classes");
        assertTrue(engine.stream().noneMatch(n -> n.matches("tensorflow-core-native-1\\.1\\.0-.+\\.jar")),
                "no platform's natives in the folder every platform downloads: " + engine);
        for (String fijiShips : List.of("ij-", "imglib2-", "scijava-common-", "parsington-")) {
            assertTrue(engine.stream().noneMatch(n -> n.startsWith(fijiShips)), fijiShips + " is not shipped");
        }
        assertFalse(Files.exists(fiji.resolve("jars")), "nothing goes on Fiji's flat class path");
        assertEquals(Set.of("imglib2-8.0.0.jar", "parsington-3.1.0.jar", "scijava-common-2.100.1.jar").size(),
                names(fiji.resolve(EngineLocation.IMAGEJ1_JARS)).stream()
                        .filter(n -> n.matches("(imglib2|parsington|scijava-common)-.+\\.jar")).count(),
                "what plain ImageJ 1 lacks, for the engine only");
        try (Stream<Path> models = Files.list(Path.of("models"))) {
            for (Path model : models.filter(m -> Files.exists(m.resolve("rdf.yaml"))).toList()) {
                assertTrue(Files.isRegularFile(fiji.resolve(EngineLocation.MODELS).resolve(model.getFileName())
                        .resolve("rdf.yaml")), model + " is shipped");
            }
        }
    }

    @Test
    void nativesSitInTheUpdatersPlatformFolders() throws IOException {
        List<String> natives;
        try (Stream<Path> all = Files.walk(fiji)) {
            natives = all.filter(f -> f.getFileName().toString().startsWith("tensorflow-core-native-1.1.0-"))
                    .map(f -> fiji.relativize(f).toString().replace(File.separatorChar, '/')).sorted().toList();
        }
        assertFalse(natives.isEmpty(), "the build machine's natives are shipped");
        for (String path : natives) {
            assertTrue(path.matches("lib/(linux64|linux-arm64|macos64|macos-arm64|win64)/tensorflow-core-native-"
                    + "1\\.1\\.0-[a-z0-9_-]+\\.jar"), path);
        }
        String own = "lib/" + EngineLocation.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        assertTrue(natives.stream().anyMatch(p -> p.startsWith(own + "/")), own + " in " + natives);
    }

    @Test
    void theReleaseZipUnpacksOntoFijiApp() throws IOException {
        Path zip;
        try (Stream<Path> files = Files.list(fiji.getParent())) {
            zip = files.filter(f -> f.getFileName().toString().matches("Glo-In-One-.+-Fiji\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no release zip beside " + fiji));
        }
        Set<String> entries = new TreeSet<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.add(e.getName()));
        }
        Set<String> tree = new TreeSet<>();
        try (Stream<Path> all = Files.walk(fiji)) {
            all.filter(Files::isRegularFile).forEach(f -> tree.add("Fiji.app/"
                    + fiji.relativize(f).toString().replace(File.separatorChar, '/')));
        }
        assertEquals(tree, entries, "every file of the tree under Fiji.app/, nothing else");
        assertTrue(entries.contains(fiji.getParent().relativize(pluginJar).toString().replace(File.separatorChar, '/')));
        assertTrue(entries.stream().anyMatch(e -> e.matches("Fiji\\.app/lib/glo-in-one/models/[^/]+/rdf\\.yaml")));
    }

    /**
     * Plain ImageJ 1 ({@code java -jar ij.jar}, which sets no property naming its folder and has no ImgLib2)
     * with the tree unpacked beside {@code ij.jar} runs All-in-One on the sample in a batch-mode macro: the
     * plugin finds the engine and the models from its own jar's place.
     */
    @Test
    void plainImageJ1WithTheTreeRunsAllInOneOnTheSample() throws Exception {
        assumeTrue(ImageJGuiTest.onPath("xvfb-run"), "xvfb-run is not installed (apt-get install xvfb); skipped");
        assumeTrue(Files.isDirectory(Path.of("models", "detector")), "the bundled models are absent");
        Path imagej = dir.resolve("ImageJ");
        FileTrees.copy(fiji, imagej);
        Path ij = providedJars.stream().filter(j -> j.getFileName().toString().startsWith("ij-")).findFirst()
                .orElseThrow();
        Files.copy(ij, imagej.resolve("ij.jar"));
        Path sample = Path.of("samples", "kidney-pas-mosaic.tif").toAbsolutePath();
        Path out = imagej.resolve("results");
        Files.writeString(imagej.resolve("run.ijm"), "run(\"All-in-One\", \"slide=[" + sample + "] output=[" + out
                + "] threads=2 device=cpu tissue min-tissue=0.01 formats=[csv] rois tables\");\n"
                + "File.saveString(\"rows=\" + Table.size(\"Glo-In-One Glomeruli\") + \"\\nrois=\" + roiManager(\"count\")"
                + ", \"" + imagej.resolve("checks.properties") + "\");\n");
        Process p = new ProcessBuilder("xvfb-run", "-a", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-jar", "ij.jar", "-batch", "run.ijm").directory(imagej.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("imagej1.log").toFile()).start();
        // Only a guard against a hang (e.g. an error dialog): a run on the sample takes seconds.
        boolean ended = p.waitFor(GuiSession.HANG_GUARD_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("imagej1.log"));
        assertTrue(ended, "ImageJ did not finish: " + log);
        java.util.Properties checks = ImageJGuiTest.load(imagej.resolve("checks.properties"));
        // the detector's 14 circles less the 1 the classifier rejects (reject_threshold 0.55), as the demo
        assertEquals("13", checks.getProperty("rows"), log);
        assertEquals("13", checks.getProperty("rois"), "the batch-mode ROI Manager got every glomerulus");
        assertTrue(Files.isRegularFile(out.resolve("kidney-pas-mosaic.tif/kidney-pas-mosaic-glomeruli.csv")), log);
        assertTrue(Files.isRegularFile(out.resolve("kidney-pas-mosaic.tif/run.json")), log);
    }

    @Test
    void everyClassThePluginNeedsIsShippedOrProvidedByFiji() throws IOException {
        List<Path> classPath = new ArrayList<>(providedJars);
        try (Stream<Path> engine = Files.list(fiji.resolve(EngineLocation.JARS))) {
            classPath.addAll(engine.toList());
        }
        List<String> missing = jdeps("--missing-deps", "--multi-release", "17", "--class-path", join(classPath),
                pluginJar.toString()).stream().filter(l -> l.contains("->")).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void classesLoadedByFijiNeedOnlyFijiAndThePlugin() throws IOException {
        List<String> lines = jdeps("-verbose:class", "--multi-release", "17", "--class-path", join(providedJars),
                pluginJar.toString());
        Set<String> leaks = new TreeSet<>();
        for (String line : lines) {
            String[] w = line.trim().split("\\s+");
            if (w.length >= 3 && w[1].equals("->") && IsolatedEngineLoader.isShared(w[0])
                    && (line.trim().endsWith("not found") || !IsolatedEngineLoader.isShared(w[2]))) {
                leaks.add(w[0] + " -> " + w[2]);
            }
        }
        // Either the engine loader alone can see the class, or Fiji would load a second copy of an engine class.
        assertEquals(Set.of(), leaks, "classes Fiji loads refer only to shared classes");
    }

    private static List<String> jdeps(String... args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), args);
        assertEquals(0, rc, out.toString());
        return out.toString().lines().toList();
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> all = Files.walk(classes)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
