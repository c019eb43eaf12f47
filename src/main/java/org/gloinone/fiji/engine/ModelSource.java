package org.gloinone.fiji.engine;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.gloinone.model.Task;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;

/** Where the engine gets its networks: the installed model packages, or a given set in tests and scripts. */
public interface ModelSource {

    /**
     * Loads the networks for {@code tasks}, on the device and with the threads of {@code options}.
     *
     * @throws IOException naming the package or search folders when a model is missing or cannot be loaded
     */
    LoadedModels load(Set<Task> tasks, PipelineOptions options, CancellationToken cancel) throws IOException;

    /** The models that would be loaded, without loading them. */
    List<ModelInfo> describe() throws IOException;
}
