package org.gloinone.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelException;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;

/**
 * Keeps the networks loaded between slide jobs of a long-lived process (Fiji, a cohort worker): they are
 * loaded on first use and loaded again only when other stages or predictor options are asked for, or when
 * a file of the found model packages changed (its path, size or modification time). Thread-safe; the models
 * it hands out stay valid until the next {@link #get} that reloads or {@link #close}.
 */
public final class ModelCache implements AutoCloseable {
    private LoadedModels loaded;
    private Key key;

    private record Key(FoundModels found, Set<Task> stages, PredictorOptions options, List<String> files) {
    }

    /**
     * The loaded networks of {@code stages} from {@code found}.
     *
     * @throws ModelException if a stage has no model or a model cannot be loaded
     */
    public synchronized LoadedModels get(FoundModels found, Set<Task> stages, PredictorOptions options)
            throws ModelException {
        Key wanted = new Key(found, Set.copyOf(EnumSet.copyOf(stages)), options, stamp(found, stages));
        if (loaded != null && wanted.equals(key)) {
            return loaded;
        }
        close();
        loaded = LoadedModels.load(found, stages, options);
        key = wanted;
        return loaded;
    }

    /** Every file of the packages of {@code stages} with its size and modification time. */
    private static List<String> stamp(FoundModels found, Set<Task> stages) throws ModelException {
        List<String> files = new ArrayList<>();
        for (Task t : Task.values()) {
            if (!stages.contains(t) || found.get(t).isEmpty()) {
                continue;
            }
            Path root = found.get(t).get();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException e) {
                throw new ModelException(root + ": cannot list the model package (" + e.getMessage() + ")", e);
            }
        }
        return files;
    }

    /** Closes the loaded networks, if any. */
    @Override
    public synchronized void close() throws ModelException {
        LoadedModels old = loaded;
        loaded = null;
        key = null;
        if (old != null) {
            old.close();
        }
    }

    /** True while networks are loaded. */
    public synchronized boolean isLoaded() {
        return loaded != null;
    }

    @Override
    public String toString() {
        return "ModelCache" + (key == null ? "(empty)" : Objects.toString(key.stages()));
    }
}
