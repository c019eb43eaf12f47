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
 * Where an installed Fiji keeps the Glo-In-One engine: {@code Fiji.app/lib/glo-in-one/engine/*.jar} (TensorFlow
 * Java, its natives, javacpp, protobuf, Jackson...) plus our own plugin jar, as laid out by {@code update-site/}.
 * Not under {@code jars/}: Fiji's launcher puts {@code jars/*.jar} and {@code jars/*}{@code /*.jar} on its one
 * flat class path, where our TensorFlow would clash with the TensorFlow update site's; {@code lib/} is tracked
 * by Fiji's updater but on no class path.
 */
public final class EngineLocation {
    /** Folder under the Fiji directory with the engine's private jars. */
    public static final String JARS = "lib/glo-in-one/engine";
    /** Folder under the Fiji directory with the default models. */
    public static final String MODELS = "lib/glo-in-one/models";

    /**
     * The one isolated loader of this JVM: a JNI library binds to a single class loader, so TensorFlow's
     * natives must never be loaded by a second one. Created on first use, never changed.
     */
    private static final class Shared {
        static final Optional<ClassLoader> LOADER = create();

        private static Optional<ClassLoader> create() {
            return fijiDirectory().flatMap(dir -> {
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

    /** The default models folder of an installed Fiji, when there is one. */
    public static Optional<Path> modelsFolder() {
        return fijiDirectory().map(dir -> dir.resolve(MODELS)).filter(Files::isDirectory);
    }

    /**
     * Fiji's directory as its launcher says ({@code imagej.dir}, {@code fiji.dir}, {@code ij.dir}), else plain
     * ImageJ 1's ({@code plugins.dir}, the folder holding {@code plugins/}); empty outside Fiji and ImageJ.
     */
    static Optional<Path> fijiDirectory() {
        for (String property : List.of("imagej.dir", "fiji.dir", "ij.dir", "plugins.dir")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return Optional.of(Path.of(value));
            }
        }
        return Optional.empty();
    }

    /**
     * The URLs of {@code <fiji>/lib/glo-in-one/engine/*.jar} (sorted) and of our own jar; empty when that folder holds
     * no jar.
     */
    static Optional<List<URL>> engineJars(Path fijiDir, Optional<Path> ownJar) throws IOException {
        Path folder = fijiDir.resolve(JARS);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(url(jar));
            }
        }
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        if (ownJar.isPresent()) {
            urls.add(0, url(ownJar.get()));
        }
        return Optional.of(urls);
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
