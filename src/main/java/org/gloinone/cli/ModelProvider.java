package org.gloinone.cli;

import java.nio.file.Path;
import java.util.Set;

import org.gloinone.model.ModelException;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;

/** Opens the models of some tasks for a command: from {@code --models DIR}, or the default places when null. */
@FunctionalInterface
public interface ModelProvider {

    /**
     * Opens the model packages of {@code tasks}; closing the result releases them.
     *
     * @param modelsDir the folder given with {@code --models}, or null for the default search order
     * @param options   how the network runs (device, threads, trust)
     * @throws ModelException naming the folder or file when no valid model of that task can be opened
     */
    LoadedModels open(Path modelsDir, Set<Task> tasks, PredictorOptions options) throws ModelException;
}
