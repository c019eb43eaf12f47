package org.gloinone.cli;

import java.nio.file.Path;

import org.gloinone.eval.LoadedModel;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.ModelPackage;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.model.TensorFlowPredictor;

/** Opens model packages from {@code --models}, {@code GLO_IN_ONE_MODELS} or the shipped models folder. */
final class PackagedModels implements ModelProvider {
    @Override
    public LoadedModel open(Path modelsDir, Task task, PredictorOptions options) throws ModelException {
        Path found = ModelFinder.forThisProgram(modelsDir).find().require(task);
        ModelPackage pkg = ModelPackage.open(found);
        try {
            if (pkg.spec().task() != task) {
                throw new ModelException(found + ": is a " + pkg.spec().task().word() + " model, not a "
                        + task.word() + " model");
            }
            TensorFlowPredictor predictor = pkg.openPredictor(options);
            return new LoadedModel(pkg.spec(), predictor, pkg::close);
        } catch (ModelException | RuntimeException e) {
            try {
                pkg.close();
            } catch (ModelException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
