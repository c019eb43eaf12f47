package org.gloinone.cli;

import java.nio.file.Path;
import java.util.Set;

import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;

/** Opens model packages from {@code --models}, {@code GLO_IN_ONE_MODELS} or the shipped models folder. */
final class PackagedModels implements ModelProvider {
    @Override
    public LoadedModels open(Path modelsDir, Set<Task> tasks, PredictorOptions options) throws ModelException {
        return LoadedModels.load(ModelFinder.forThisProgram(modelsDir).find(), tasks, options);
    }
}
