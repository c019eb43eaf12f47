package org.gloinone.cli;

import java.nio.file.Path;

import org.gloinone.eval.LoadedModel;
import org.gloinone.model.ModelException;
import org.gloinone.model.Task;

/** Opens model packages from {@code --models}, {@code GLO_IN_ONE_MODELS} or the shipped models folder. */
final class PackagedModels implements ModelProvider {
    @Override
    public LoadedModel open(Path modelsDir, Task task) throws ModelException {
        throw new ModelException("cannot open the " + task.word() + " model" + (modelsDir == null ? "" : " in " + modelsDir)
                + ": this build cannot read model packages yet");
    }
}
