package org.gloinone.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.gloinone.eval.ClassificationReport;
import org.gloinone.eval.ClassificationResolution;
import org.gloinone.eval.ClassificationStain;
import org.gloinone.eval.CoarseCorrectionChoice;
import org.gloinone.eval.CropClassificationEvaluator;
import org.gloinone.eval.CropDataset;
import org.gloinone.eval.CropRendering;
import org.gloinone.eval.FoldScores;
import org.gloinone.eval.PredictionTables;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.SlideFolds;
import org.gloinone.eval.StainShift;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.StageModel;
import org.gloinone.train.DefaultModels;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glo-in-one evaluate classify}: globally sclerosed versus not, on a crops dataset. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Score the classifier on a crops dataset in the paper's binary task (globally sclerosed or "
                + "not): balanced accuracy, F1, AUC, confusion matrix, true glomeruli rejected as non-glomerular.")
final class EvaluateClassifyCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private EvaluationOptions options = new EvaluationOptions();

    @Option(names = "--resolutions", split = ",", paramLabel = "X",
            description = "Also render the crops at these pixel sizes in um/px (area average), as slides exported "
                    + "at them show a glomerulus, and score each, e.g. 1,2,4,5. A crop's own pixel size is taken from "
                    + "its mask, its glomerulus assumed to have the training tiles' median radius.")
    private List<Double> resolutions;

    @Option(names = "--stains", split = ",", paramLabel = "NAME",
            description = "Also score the crops restained as another lab's sections would show them: faded, dark "
                    + "(both stains' densities at 0.6 or 1.5), blue (haematoxylin 1.5, eosin 0.8) or magenta "
                    + "(haematoxylin 0.8, eosin 1.5).")
    private List<String> stains;

    @Option(names = "--choose-coarse-correction",
            description = "With --resolutions: choose the coarse-slide correction of the sclerosed call (where it "
                    + "starts, in um/px, and how many log-odds per um/px it asks for beyond) that gives the best "
                    + "balanced accuracy averaged over the pixel sizes, and report it under coarse_slide_correction; "
                    + "with --folds also each fold's crops decided by a choice made on the other folds "
                    + "(default: false).")
    private boolean chooseCoarseCorrection;

    @CommandLine.ParentCommand
    private EvaluateCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvaluationRun.execute(spec, options, () -> {
            List<Double> sweep = resolutions == null ? List.of() : resolutions;
            for (double r : sweep) {
                EvaluationRun.checkMicronsPerPixel("--resolutions", r);
            }
            if (chooseCoarseCorrection && sweep.isEmpty()) {
                throw new IllegalArgumentException("--choose-coarse-correction needs --resolutions");
            }
            List<StainShift> shifts = new ArrayList<>();
            for (String word : stains == null ? List.<String>of() : stains) {
                shifts.add(EvaluationRun.stainShift("--stains", word));
            }
            var crops = options.selectCrops(CropDataset.read(options.data));
            try (LoadedModels loaded = parent.models().open(options.models, EnumSet.of(Task.CLASSIFY),
                    options.predictorOptions())) {
                StageModel model = loaded.stage(Task.CLASSIFY);
                CropClassificationEvaluator evaluator = new CropClassificationEvaluator(model.spec(),
                        model.predictor(), options.batchSize);
                ClassificationReport r = evaluator.evaluate(crops);
                String json = ReportJson.classification(model.spec(), r);
                SlideFolds folds = options.slideFolds(crops);
                String nonGlomerular = model.spec().classify().nonGlomerularClass();
                if (folds != null) {
                    json = ReportJson.withFolds(json, FoldScores.classification(r, folds, nonGlomerular));
                }
                if (!sweep.isEmpty()) {
                    CropRendering rendering = new CropRendering(DefaultModels.GLOMERULUS_MEDIAN_RADIUS_MICRONS);
                    List<ClassificationResolution> swept = new ArrayList<>();
                    for (double mpp : sweep) {
                        ClassificationReport seen = evaluator.evaluate(crops, rendering, mpp);
                        swept.add(new ClassificationResolution(mpp, seen,
                                folds == null ? null : FoldScores.classification(seen, folds, nonGlomerular)));
                    }
                    json = ReportJson.withClassificationResolutions(json, rendering.glomerulusRadiusMicrons(), swept);
                    if (chooseCoarseCorrection) {
                        ClassifyConfig config = model.spec().classify();
                        json = ReportJson.withCoarseCorrection(json,
                                CoarseCorrectionChoice.choose(swept, config, slide -> true),
                                folds == null ? null : CoarseCorrectionChoice.crossValidated(swept, config, folds));
                    }
                }
                if (!shifts.isEmpty()) {
                    List<ClassificationStain> restained = new ArrayList<>();
                    for (StainShift shift : shifts) {
                        ClassificationReport seen = evaluator.evaluate(crops, shift);
                        restained.add(new ClassificationStain(shift, seen,
                                folds == null ? null : FoldScores.classification(seen, folds, nonGlomerular)));
                    }
                    json = ReportJson.withClassificationStains(json, restained);
                }
                return new EvaluationRun.Result(json, PredictionTables.classification(r));
            }
        });
    }
}
