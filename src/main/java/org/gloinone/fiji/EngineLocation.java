package org.gloinone.fiji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where an installed Fiji or ImageJ keeps the Glo-In-One engine: {@code lib/glo-in-one/engine/*.jar} (TensorFlow
 * Java, javacpp, protobuf, Jackson...), this platform's TensorFlow natives in {@code lib/<platform>/} and our own
 * plugin jar, as laid out by {@code update-site/}. Not under {@code jars/}: Fiji's launcher puts
 * {@code jars/*.jar} and {@code jars/*}{@code /*.jar} on its one flat class path, where our TensorFlow would
 * clash with the TensorFlow update site's; {@code lib/} is tracked by Fiji's updater but on no class path.
 * <p>
 * The install folder is found from the plugin jar's own location (Fiji and plain ImageJ 1 alike: ImageJ 1
 * started with {@code java -jar ij.jar} sets no property naming its folder), else from Fiji's launcher
 * properties.
 */
public final class EngineLocation {
    /** Folder under the Fiji directory with the engine's private jars. */
    public static final String JARS = "lib/glo-in-one/engine";
    /** Folder under the Fiji directory with the default models. */
    public static final String MODELS = "lib/glo-in-one/models";
    /**
     * Folder under the install with the libraries Fiji ships but plain ImageJ 1 lacks (ImgLib2, SciJava
     * Common, Parsington); the engine falls back on them only where ImageJ does not provide them.
     */
    public static final String IMAGEJ1_JARS = "lib/glo-in-one/imagej1";
    /** How the TensorFlow native jars in {@code lib/<platform>/} start. */
    static final String NATIVES = "tensorflow-core-native-";
    /** Folders above the plugin jar searched for the install: {@code plugins/}, {@code plugins/<sub>/}. */
    private static final int LEVELS_UP = 3;

    /**
     * The one isolated loader of this JVM: a JNI library binds to a single class loader, so TensorFlow's
     * natives must never be loaded by a second one. Created on first use, never changed.
     */
    private static final class Shared {
        static final Optional<ClassLoader> LOADER = create();

        private static Optional<ClassLoader> create() {
            return installDirectory().flatMap(dir -> {
                try {
                    return engineJars(dir, ownJar());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(urls -> new IsolatedEngineLoader(urls.toArray(URL[]::new), EngineLocation.class.getClassLoader()));
        }
    }

    private EngineLocation() {
    }

    /** The isolated engine loader of an installed Fiji, or empty when the engine jars are not installed. */
    public static Optional<ClassLoader> isolatedLoader() {
        return Shared.LOADER;
    }

    /** The default models folder of an installed Fiji or ImageJ, when there is one. */
    public static Optional<Path> modelsFolder() {
        return installDirectory().map(dir -> dir.resolve(MODELS)).filter(Files::isDirectory);
    }

    /**
     * The Fiji or ImageJ folder this plugin is installed in: the first folder above the plugin jar that holds
     * {@code lib/glo-in-one/}, else the folder Fiji's launcher names ({@code imagej.dir}, {@code fiji.dir},
     * {@code ij.dir}) or the one holding ImageJ's {@code plugins.dir}; empty outside Fiji and ImageJ.
     */
    static Optional<Path> installDirectory() {
        Optional<Path> fromJar = ownJar().flatMap(EngineLocation::installAbove);
        if (fromJar.isPresent()) {
            return fromJar;
        }
        for (String property : List.of("imagej.dir", "fiji.dir", "ij.dir", "plugins.dir")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                Path dir = Path.of(value);
                return Optional.of(property.equals("plugins.dir") && dir.getFileName() != null
                        && dir.getFileName().toString().equals("plugins") && dir.getParent() != null
                        ? dir.getParent() : dir);
            }
        }
        return Optional.empty();
    }

    /** The first of the few folders above {@code jar} that holds {@code lib/glo-in-one/}. */
    static Optional<Path> installAbove(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        for (int i = 0; i < LEVELS_UP && dir != null; i++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("lib/glo-in-one"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The name Fiji's updater gives this machine's platform, the folder under {@code lib/} that holds its
     * natives: {@code linux64}, {@code linux-arm64}, {@code macos64}, {@code macos-arm64} or {@code win64}.
     */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        boolean arm = osArch.equals("aarch64") || osArch.equals("arm64");
        if (os.startsWith("mac")) {
            return arm ? "macos-arm64" : "macos64";
        }
        if (os.startsWith("windows")) {
            return arm ? "win-arm64" : "win64";
        }
        return arm ? "linux-arm64" : "linux64";
    }

    /**
     * What to tell a Fiji user when no model for {@code task} is installed: where models go, and how to see
     * which are found.
     */
    public static String missingModel(String task, List<Path> searched) {
        String folder = installDirectory().map(d -> d.resolve(MODELS).toString())
                .orElse("Fiji.app/" + MODELS);
        return "Glo-In-One has no " + task + " model installed. Install the Glo-In-One update site (Help > "
                + "Update... > Manage update sites) or unpack the release zip onto Fiji.app, so that the model "
                + "folders are in " + folder + "; Plugins > Glo-In-One > Models... lists the models found. "
                + "Folders searched: " + (searched.isEmpty() ? "none exists" : searched.toString());
    }

    /**
     * The URLs of our own jar, {@code <fiji>/lib/glo-in-one/engine/*.jar}, this platform's
     * {@code <fiji>/lib/<platform>/tensorflow-core-native-*.jar} and {@code <fiji>/lib/glo-in-one/imagej1/*.jar}
     * (each sorted); empty when the engine folder holds no jar.
     */
    static Optional<List<URL>> engineJars(Path fijiDir, Optional<Path> ownJar) throws IOException {
        return engineJars(fijiDir, ownJar, platform(System.getProperty("os.name"), System.getProperty("os.arch")));
    }

    static Optional<List<URL>> engineJars(Path fijiDir, Optional<Path> ownJar, String platform) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars(fijiDir.resolve(JARS), "")) {
            urls.add(url(jar));
        }
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        for (Path jar : jars(fijiDir.resolve("lib").resolve(platform), NATIVES)) {
            urls.add(url(jar));
        }
        for (Path jar : jars(fijiDir.resolve(IMAGEJ1_JARS), "")) {
            urls.add(url(jar));
        }
        if (ownJar.isPresent()) {
            urls.add(0, url(ownJar.get()));
        }
        return Optional.of(urls);
    }

    private static List<Path> jars(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The jar (or classes folder) this class was loaded from. */
    static Optional<Path> ownJar() {
        try {
            var source = EngineLocation.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URL url(Path file) throws MalformedURLException {
        return file.toUri().toURL();
    }
}
