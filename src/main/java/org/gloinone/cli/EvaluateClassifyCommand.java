package org.gloinone.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;

import org.gloinone.eval.ClassificationReport;
import org.gloinone.eval.CropClassificationEvaluator;
import org.gloinone.eval.CropDataset;
import org.gloinone.eval.FoldScores;
import org.gloinone.eval.PredictionTables;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.SlideFolds;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.StageModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code glo-in-one evaluate classify}: globally sclerosed versus not, on a crops dataset. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Score the classifier on a crops dataset in the paper's binary task (globally sclerosed or "
                + "not): balanced accuracy, F1, AUC, confusion matrix, true glomeruli rejected as non-glomerular.")
final class EvaluateClassifyCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private EvaluationOptions options = new EvaluationOptions();

    @CommandLine.ParentCommand
    private EvaluateCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvaluationRun.execute(spec, options, () -> {
            var crops = options.selectCrops(CropDataset.read(options.data));
            try (LoadedModels loaded = parent.models().open(options.models, EnumSet.of(Task.CLASSIFY),
                    options.predictorOptions())) {
                StageModel model = loaded.stage(Task.CLASSIFY);
                ClassificationReport r = new CropClassificationEvaluator(model.spec(), model.predictor(),
                        options.batchSize).evaluate(crops);
                String json = ReportJson.classification(model.spec(), r);
                SlideFolds folds = options.slideFolds(crops);
                if (folds != null) {
                    json = ReportJson.withFolds(json, FoldScores.classification(r, folds,
                            model.spec().classify().nonGlomerularClass()));
                }
                return new EvaluationRun.Result(json, PredictionTables.classification(r));
            }
        });
    }
}
