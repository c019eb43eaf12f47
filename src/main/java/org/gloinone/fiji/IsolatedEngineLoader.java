package org.gloinone.fiji;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * Loads the Glo-In-One engine (pipeline, models, TensorFlow Java and its natives, Jackson, protobuf) child-first
 * from its own jars, so that Fiji's TensorFlow update site, whose old {@code libtensorflow} jar also defines
 * {@code org.tensorflow.TensorFlow}, {@code Session}, {@code Graph}..., cannot shadow ours (nor ours theirs).
 * <p>
 * Only the types that cross the {@link GloInOneService} boundary are shared with Fiji (parent first): the JDK,
 * ImageJ, ImgLib2, SciJava, the {@code org.gloinone.fiji} front door (except {@value #ENGINE_PACKAGE}, where
 * service implementations live) and the result and option records listed in {@link #SHARED_CLASSES}.
 * Everything else is looked up in this loader's jars first. A shared class the parent lacks (plain ImageJ 1
 * has no ImgLib2 or SciJava) comes from this loader's jars ({@code lib/glo-in-one/imagej1/}); in Fiji the
 * parent always has them, so they stay one copy.
 */
public final class IsolatedEngineLoader extends URLClassLoader {
    /** Package of service implementations; loaded in isolation although it sits under the front door. */
    public static final String ENGINE_PACKAGE = "org.gloinone.fiji.engine.";

    private static final List<String> SHARED_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.w3c.", "org.xml.", "ij.", "net.imglib2.", "org.scijava.", "org.gloinone.fiji.");

    /** Contract types in the core that appear in the facade's methods and results. */
    static final Set<String> SHARED_CLASSES = Set.of(
            "org.gloinone.pipeline.SlideResult", "org.gloinone.pipeline.GlomerulusResult",
            "org.gloinone.pipeline.SlideInfo", "org.gloinone.pipeline.ModelInfo",
            "org.gloinone.pipeline.StageTimings", "org.gloinone.pipeline.CircleMicrons", "org.gloinone.pipeline.PipelineOptions",
            "org.gloinone.pipeline.PipelineOptions$Builder", "org.gloinone.progress.ProgressListener",
            "org.gloinone.progress.CancellationToken", "org.gloinone.pipeline.ProgramVersion",
            "org.gloinone.detect.Circle",
            "org.gloinone.detect.Detection", "org.gloinone.classify.Classification",
            "org.gloinone.segment.Outline", "org.gloinone.segment.Morphometry",
            "org.gloinone.model.Device", "org.gloinone.model.Task", "org.gloinone.io.OutputFormat",
            // The stain factors a result records.
            "org.gloinone.stain.StainNormalisation",
            "org.gloinone.io.ClassColors", "org.gloinone.detect.EqualAreaCircle",
            // One naming rule and one set of ROI properties on both sides: the ROI Manager and written ROI sets.
            "org.gloinone.io.ResultNames", "org.gloinone.imagej.RoiTags",
            // One results table schema on both sides: the files and Fiji's tables.
            "org.gloinone.io.ResultSchema", "org.gloinone.io.Numbers", "org.gloinone.io.CsvLine");

    static {
        registerAsParallelCapable();
    }

    /**
     * @param jars   the engine's jars (our plugin jar and the dependencies in {@code lib/glo-in-one/engine/})
     * @param parent Fiji's class loader, which provides the shared types
     */
    public IsolatedEngineLoader(URL[] jars, ClassLoader parent) {
        super("glo-in-one-engine", jars, parent);
    }

    /** True for classes that must be the same on both sides of the facade (loaded from the parent). */
    public static boolean isShared(String className) {
        if (className.startsWith(ENGINE_PACKAGE)) {
            return false;
        }
        String outer = className.contains("$") && !SHARED_CLASSES.contains(className)
                ? className.substring(0, className.indexOf('$')) : className;
        return SHARED_CLASSES.contains(outer) || SHARED_PREFIXES.stream().anyMatch(className::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isShared(name)) {
                    try {
                        c = getParent().loadClass(name);
                    } catch (ClassNotFoundException notInImageJ) {
                        c = findClass(name);
                    }
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notOurs) {
                        c = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** Our jars' resources first (service files, native libraries, model configs), then the parent's. */
    @Override
    public URL getResource(String name) {
        URL url = findResource(name);
        return url != null ? url : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        if (parent != null) {
            for (URL url : Collections.list(parent.getResources(name))) {
                if (!all.contains(url)) {
                    all.add(url);
                }
            }
        }
        return Collections.enumeration(all);
    }
}
