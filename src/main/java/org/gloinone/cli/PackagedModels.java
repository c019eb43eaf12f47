package org.gloinone.cli;

import java.nio.file.Path;
import java.util.EnumSet;

import org.gloinone.eval.LoadedModel;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.StageModel;

/** Opens model packages from {@code --models}, {@code GLO_IN_ONE_MODELS} or the shipped models folder. */
final class PackagedModels implements ModelProvider {
    @Override
    public LoadedModel open(Path modelsDir, Task task, PredictorOptions options) throws ModelException {
        LoadedModels loaded = LoadedModels.load(ModelFinder.forThisProgram(modelsDir).find(), EnumSet.of(task),
                options);
        StageModel model = loaded.models().forTask(task).orElseThrow();
        return new LoadedModel(model.spec(), model.predictor(), loaded::close);
    }
}
