package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gloinone.fiji.engine.TensorFlowVersionProbe;

/**
 * Fiji's TensorFlow update site puts an old libtensorflow (1.15, package {@code org.tensorflow}) on Fiji's class
 * path. This test builds a stand-in for that jar, puts it first on a "Fiji" class loader, and shows that the
 * engine loaded through {@link IsolatedEngineLoader} still links to TensorFlow Java 1.1.0 while Fiji keeps its
 * own, and that without isolation ours would be shadowed.
 */
class IsolatedEngineLoaderTest {

    @Test
    void onlyTheFacadesTypesAreShared() {
        assertTrue(IsolatedEngineLoader.isShared("ij.ImagePlus"));
        assertTrue(IsolatedEngineLoader.isShared("org.gloinone.fiji.GloInOneService"));
        assertTrue(IsolatedEngineLoader.isShared("org.gloinone.pipeline.SlideResult"));
        assertTrue(IsolatedEngineLoader.isShared("org.gloinone.pipeline.PipelineOptions$Builder"));
        assertTrue(IsolatedEngineLoader.isShared("org.gloinone.model.Device"));
        assertFalse(IsolatedEngineLoader.isShared("org.gloinone.fiji.engine.PipelineService"));
        assertFalse(IsolatedEngineLoader.isShared("org.gloinone.pipeline.Pipeline"));
        assertFalse(IsolatedEngineLoader.isShared("org.gloinone.pipeline.Pipeline$Stage"));
        assertFalse(IsolatedEngineLoader.isShared("org.gloinone.model.TensorFlowPredictor"));
        assertFalse(IsolatedEngineLoader.isShared("org.tensorflow.Session"));
        assertFalse(IsolatedEngineLoader.isShared("com.fasterxml.jackson.databind.ObjectMapper"));
        assertFalse(IsolatedEngineLoader.isShared("com.google.protobuf.Message"));
    }

    @Test
    void engineJarsAreFoundInAFijiTree(@TempDir Path fiji) throws Exception {
        assertEquals(Optional.empty(), EngineLocation.engineJars(fiji, Optional.empty()));
        Path jars = Files.createDirectories(fiji.resolve(EngineLocation.JARS));
        Files.write(jars.resolve("b.jar"), new byte[0]);
        Files.write(jars.resolve("a.jar"), new byte[0]);
        Path plugin = fiji.resolve("plugins/Glo_In_One-1.jar");
        List<URL> urls = EngineLocation.engineJars(fiji, Optional.of(plugin)).orElseThrow();
        assertEquals(List.of(plugin.toUri().toURL(), jars.resolve("a.jar").toUri().toURL(),
                jars.resolve("b.jar").toUri().toURL()), urls);
        // This platform's natives only, from the updater's platform folder.
        Path linux = Files.createDirectories(fiji.resolve("lib/linux64"));
        Path mac = Files.createDirectories(fiji.resolve("lib/macos-arm64"));
        Files.write(linux.resolve("tensorflow-core-native-1.1.0-linux-x86_64.jar"), new byte[0]);
        Files.write(linux.resolve("other-site.jar"), new byte[0]);
        Files.write(mac.resolve("tensorflow-core-native-1.1.0-macosx-arm64.jar"), new byte[0]);
        List<URL> onLinux = EngineLocation.engineJars(fiji, Optional.of(plugin), "linux64").orElseThrow();
        assertEquals(linux.resolve("tensorflow-core-native-1.1.0-linux-x86_64.jar").toUri().toURL(), onLinux.get(3));
        assertEquals(4, onLinux.size(), "neither another platform's natives nor another site's jar");
    }

    @Test
    void platformFoldersAreTheUpdatersNames() {
        assertEquals("linux64", EngineLocation.platform("Linux", "amd64"));
        assertEquals("linux-arm64", EngineLocation.platform("Linux", "aarch64"));
        assertEquals("macos-arm64", EngineLocation.platform("Mac OS X", "aarch64"));
        assertEquals("macos64", EngineLocation.platform("Mac OS X", "x86_64"));
        assertEquals("win64", EngineLocation.platform("Windows 11", "amd64"));
    }

    @Test
    void theInstallIsFoundAboveThePluginJarWhateverTheProperties(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("ImageJ");
        Files.createDirectories(app.resolve(EngineLocation.MODELS));
        Path jar = Files.createDirectories(app.resolve("plugins")).resolve("Glo_In_One-1.jar");
        assertEquals(Optional.of(app.toAbsolutePath()), EngineLocation.installAbove(jar));
        Path nested = Files.createDirectories(app.resolve("plugins/Glo-In-One")).resolve("Glo_In_One-1.jar");
        assertEquals(Optional.of(app.toAbsolutePath()), EngineLocation.installAbove(nested));
        assertEquals(Optional.empty(), EngineLocation.installAbove(dir.resolve("elsewhere/x/y/z/a.jar")));
    }

    @Test
    void aMissingModelIsExplainedInFijisWords() {
        String message = EngineLocation.missingModel("detect", List.of());
        assertTrue(message.contains("Help > Update..."), message);
        assertTrue(message.contains("Plugins > Glo-In-One > Models..."), message);
        assertTrue(message.contains(EngineLocation.MODELS), message);
        assertFalse(message.contains("--models"), "no command-line flags for a Fiji user");
    }

    @Test
    void ourTensorFlowAndFijisOldOneCoexist(@TempDir Path dir) throws Exception {
        Path oldTensorFlow = oldLibTensorFlowJar(dir);
        List<URL> engine = new ArrayList<>();
        List<URL> fijiPath = new ArrayList<>(List.of(oldTensorFlow.toUri().toURL()));
        for (String entry : classPath()) {
            URL url = Path.of(entry).toUri().toURL();
            if (entry.matches(".*(tensorflow|javacpp|protobuf|ndarray).*")) {
                engine.add(url);
            } else {
                fijiPath.add(url);
            }
        }
        engine.add(0, Path.of("target/test-classes").toUri().toURL());
        try (URLClassLoader fiji = new URLClassLoader("fiji", fijiPath.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
             IsolatedEngineLoader isolated = new IsolatedEngineLoader(engine.toArray(URL[]::new), fiji)) {
            assertEquals("1.15.0", fiji.loadClass("org.tensorflow.TensorFlow").getMethod("version").invoke(null),
                    "Fiji's plugins keep their TensorFlow");
            Supplier<?> probe = (Supplier<?>) isolated.loadClass(TensorFlowVersionProbe.class.getName())
                    .getConstructor().newInstance();
            String ours = String.valueOf(probe.get());
            assertTrue(ours.startsWith("2."), "the engine links to TensorFlow Java's native TF 2.x, got " + ours);
            assertNotSame(fiji.loadClass("org.tensorflow.TensorFlow"), isolated.loadClass("org.tensorflow.TensorFlow"));
            assertSame(fiji.loadClass("org.gloinone.pipeline.SlideResult"),
                    isolated.loadClass("org.gloinone.pipeline.SlideResult"), "results cross the facade unchanged");
            assertSame(fiji.loadClass("ij.ImagePlus"), isolated.loadClass("ij.ImagePlus"));
        }
        // Without isolation the first org.tensorflow on the class path wins: ours would be shadowed.
        List<URL> flat = new ArrayList<>(List.of(oldTensorFlow.toUri().toURL(),
                Path.of("target/test-classes").toUri().toURL()));
        try (URLClassLoader fijiFlat = new URLClassLoader(flat.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Supplier<?> probe = (Supplier<?>) fijiFlat.loadClass(TensorFlowVersionProbe.class.getName())
                    .getConstructor().newInstance();
            assertEquals("1.15.0", probe.get());
        }
    }

    @Test
    void theRealEngineRunsIsolatedBesideAnOldTensorFlow(@TempDir Path dir) throws Exception {
        Path slideFile = Files.writeString(dir.resolve("kidney.fixture"), "generated slide");
        // Fiji: the old TensorFlow first, then the artifacts Fiji ships and the plugin jar (here: its classes).
        List<URL> fijiPath = new ArrayList<>(List.of(oldLibTensorFlowJar(dir).toUri().toURL(),
                Path.of("target/classes").toUri().toURL()));
        // The engine: the plugin again, the test networks and slide, and every other runtime jar.
        List<URL> engine = new ArrayList<>(List.of(Path.of("target/classes").toUri().toURL(),
                Path.of("target/test-classes").toUri().toURL()));
        for (String entry : classPath()) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.endsWith(".jar") || name.matches("(junit|opentest4j|apiguardian).*")) {
                continue;
            }
            boolean fijiShips = name.matches("(ij|imglib2|scijava-common|parsington)-[0-9].*");
            (fijiShips ? fijiPath : engine).add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader fiji = new URLClassLoader("fiji", fijiPath.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
             IsolatedEngineLoader isolated = new IsolatedEngineLoader(engine.toArray(URL[]::new), fiji)) {
            java.lang.reflect.Method load = fiji.loadClass(GloInOneServices.class.getName())
                    .getDeclaredMethod("load", ClassLoader.class, String.class);
            load.setAccessible(true);
            Object service = load.invoke(null, isolated, "org.gloinone.fiji.engine.FixtureEngineService");
            assertSame(isolated, service.getClass().getClassLoader(), "the engine is loaded in isolation");
            Class<?> facade = fiji.loadClass(GloInOneService.class.getName());
            assertTrue(facade.isInstance(service), "and implements Fiji's view of the facade");

            Object source = fiji.loadClass(SlideSource.File.class.getName()).getConstructor(Path.class)
                    .newInstance(slideFile);
            Object options = fiji.loadClass("org.gloinone.pipeline.PipelineOptions").getMethod("defaults")
                    .invoke(null);
            Object silent = fiji.loadClass("org.gloinone.progress.ProgressListener").getField("SILENT").get(null);
            Object cancel = fiji.loadClass("org.gloinone.progress.CancellationToken").getConstructor().newInstance();
            Object result = facade.getMethod("allInOne", fiji.loadClass(SlideSource.class.getName()),
                    options.getClass(), fiji.loadClass("org.gloinone.progress.ProgressListener"), cancel.getClass())
                    .invoke(service, source, options, silent, cancel);
            assertSame(fiji, result.getClass().getClassLoader(), "the result is Fiji's SlideResult");
            List<?> glomeruli = (List<?>) result.getClass().getMethod("glomeruli").invoke(result);
            assertEquals(6, glomeruli.size(), "the engine found the six glomeruli of the generated slide");
            assertEquals("1.15.0", fiji.loadClass("org.tensorflow.TensorFlow").getMethod("version").invoke(null));
        }
    }

    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    /** A jar standing in for Fiji's libtensorflow-1.15.0.jar: its own org.tensorflow.TensorFlow. */
    private static Path oldLibTensorFlowJar(Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/org/tensorflow")).resolve("TensorFlow.java");
        Files.writeString(src, "package org.tensorflow; public final class TensorFlow {"
                + " public static String version() { return \"1.15.0\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.toString()));
        Path jar = dir.resolve("libtensorflow-1.15.0.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("org/tensorflow/TensorFlow.class"));
            out.write(Files.readAllBytes(classes.resolve("org/tensorflow/TensorFlow.class")));
            out.closeEntry();
        }
        return jar;
    }
}
