package org.gloinone.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.spark.SparkFiles;
import org.gloinone.job.ModelCache;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;

/**
 * The models of this executor JVM: loaded by the first task that needs them and shared by every task after it
 * (TensorFlow sessions run concurrently), so a cohort loads them once per executor, not once per slide. They are
 * closed when the JVM exits. This is the one place in the project that keeps loaded models in static state:
 * Spark gives a task no other home that outlives it.
 */
final class ExecutorModels {
    private static final Logger LOG = Logger.getLogger(ExecutorModels.class.getName());
    private static final ModelCache CACHE = new ModelCache();
    private static LoadedModels lastHandedOut;
    private static int loads;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::close, "glo-in-one-models-close"));
    }

    private ExecutorModels() {
    }

    /**
     * The models of {@code stages}, loading them on first use.
     *
     * @param modelsOption the {@code --models} value, or null for the program's default search order; see
     *                     {@link #resolve}
     * @throws ModelException if they cannot be found or loaded (the next task tries again)
     */
    static LoadedModels get(Path modelsOption, Set<Task> stages, PredictorOptions options) throws ModelException {
        LoadedModels models = CACHE.get(ModelFinder.forThisProgram(resolve(modelsOption)).find(), stages, options);
        synchronized (ExecutorModels.class) {
            if (models != lastHandedOut) {
                lastHandedOut = models;
                loads++;
            }
        }
        return models;
    }

    /** How many times this JVM has loaded a set of models. */
    static synchronized int loads() {
        return loads;
    }

    /**
     * Where {@code --models} points on this executor: the folder itself when it exists here (a shared path, or a
     * folder or archive that YARN or Kubernetes put into the task's working folder), else the copy Spark made of a
     * folder or archive shipped with {@code --files} or {@code --archives} (local and standalone modes).
     */
    static Path resolve(Path modelsOption) {
        if (modelsOption == null || Files.isDirectory(modelsOption)) {
            return modelsOption;
        }
        try {
            Path shipped = Path.of(SparkFiles.getRootDirectory()).resolve(modelsOption.getFileName().toString());
            return Files.isDirectory(shipped) ? shipped : modelsOption;
        } catch (RuntimeException e) {
            return modelsOption; // not in a Spark application: ModelFinder names the missing folder
        }
    }

    private static void close() {
        try {
            CACHE.close();
        } catch (ModelException e) {
            LOG.log(Level.WARNING, "closing models at exit: " + e.getMessage());
        }
    }
}
