package org.gloinone.model;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model packages found for each task, and the folders that were searched, in order.
 *
 * @param packages the package (folder or zip) per task; a task may be missing
 * @param searched the folders searched, in the order they were tried
 */
public record FoundModels(Map<Task, Path> packages, List<Path> searched) {
    public FoundModels {
        packages = packages.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(packages));
        searched = List.copyOf(searched);
    }

    /** The package for a task, if one was found. */
    public Optional<Path> get(Task task) {
        return Optional.ofNullable(packages.get(task));
    }

    /** The detector package, if found. */
    public Optional<Path> detector() {
        return get(Task.DETECT);
    }

    /** The classifier package, if found. */
    public Optional<Path> classifier() {
        return get(Task.CLASSIFY);
    }

    /** The segmenter package, if found. */
    public Optional<Path> segmenter() {
        return get(Task.SEGMENT);
    }

    /**
     * The package for a task.
     *
     * @throws ModelException naming the task and the folders searched if none was found
     */
    public Path require(Task task) throws ModelException {
        Path p = packages.get(task);
        if (p == null) {
            throw new ModelException("no " + task.word() + " model found; searched " + searched
                    + " (use --models DIR or set GLO_IN_ONE_MODELS)");
        }
        return p;
    }
}
