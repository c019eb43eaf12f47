package org.gloinone.cli;

import java.nio.file.Path;

import org.gloinone.eval.LoadedModel;
import org.gloinone.model.ModelException;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;

/** Opens the model of one task for a command: from {@code --models DIR}, or the default places when null. */
@FunctionalInterface
public interface ModelProvider {

    /**
     * Opens the model package of {@code task}.
     *
     * @param modelsDir the folder given with {@code --models}, or null for the default search order
     * @param options   how the network runs (device, threads, trust)
     * @throws ModelException naming the folder or file when no valid model of that task can be opened
     */
    LoadedModel open(Path modelsDir, Task task, PredictorOptions options) throws ModelException;
}
