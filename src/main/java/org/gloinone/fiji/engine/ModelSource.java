package org.gloinone.fiji.engine;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;

/** Where the engine gets its networks: the installed model packages, or a given set in tests and scripts. */
public interface ModelSource {

    /**
     * The networks for {@code tasks}, on the device and with the threads of {@code options}. The source owns
     * them and keeps them loaded between calls (the installed models reload when their files change); callers
     * never close them.
     *
     * @throws IOException naming the package or search folders when a model is missing or cannot be loaded
     */
    PipelineModels models(Set<Task> tasks, PipelineOptions options, CancellationToken cancel) throws IOException;

    /** The models that would be loaded, without loading them. */
    List<ModelInfo> describe() throws IOException;
}
