package org.gloinone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.gloinone.eval.ClassificationReport;
import org.gloinone.eval.ClassificationResolution;
import org.gloinone.eval.ClassificationStain;
import org.gloinone.eval.ClassifiedCrop;
import org.gloinone.eval.CoarseCorrectionChoice;
import org.gloinone.eval.CropClassificationEvaluator;
import org.gloinone.eval.CropDataset;
import org.gloinone.eval.CropRendering;
import org.gloinone.eval.DatasetException;
import org.gloinone.eval.FoldScores;
import org.gloinone.eval.LabelledCrop;
import org.gloinone.eval.PredictionTables;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.SlideFolds;
import org.gloinone.eval.StainShift;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.ModelSpecReader;
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
    /** How crops are seen at other pixel sizes: their glomerulus assumed to have the training tiles' median radius. */
    private static final CropRendering RENDERING =
            new CropRendering(DefaultModels.GLOMERULUS_MEDIAN_RADIUS_MICRONS);
    private static final String CROSS_VALIDATION_FILE = "cross-validation.json";

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

    @Option(names = "--coarse-objective", paramLabel = "NAME", defaultValue = "slide-sclerosed-error",
            description = "What --choose-coarse-correction makes best, averaged over the pixel sizes: "
                    + "slide-sclerosed-error (each slide's % sclerosed, its error in points, absolute, averaged over "
                    + "slides) or balanced-accuracy (sclerosed versus not) (default: ${DEFAULT-VALUE}).")
    private String coarseObjective;

    @Option(names = "--cross-validation", paramLabel = "DIR",
            description = "Judge a recipe by its folds: DIR is what train --folds wrote (cross-validation.json and "
                    + "fold-1, fold-2, ...). Each crop of a fold's held-out slides is classified by that fold's "
                    + "model, which never saw its slide; the folds' answers are pooled and scored by fold. "
                    + "Replaces --models, --slides and --folds.")
    private Path crossValidation;

    @Option(names = "--decide-as", paramLabel = "DIR",
            description = "With --cross-validation: decide every fold's crops by the rejection threshold and the "
                    + "coarse-slide correction of the classifier in DIR (the package the recipe bundles), as a run "
                    + "with it decides; the fold packages that train --folds writes carry neither.")
    private Path decideAs;

    @CommandLine.ParentCommand
    private EvaluateCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The crops classified as scanned, at each pixel size of the sweep and under each stain shift. */
    private record Scored(ModelSpec model, ClassificationReport own, List<ClassificationReport> swept,
                          List<ClassificationReport> restained) {
    }

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
            objective(); // a misspelt objective is refused before any crop is read
            List<StainShift> shifts = new ArrayList<>();
            for (String word : stains == null ? List.<String>of() : stains) {
                shifts.add(EvaluationRun.stainShift("--stains", word));
            }
            if (decideAs != null && crossValidation == null) {
                throw new IllegalArgumentException("--decide-as needs --cross-validation");
            }
            ClassifyConfig rules = decideAs == null ? null : decisionRules(decideAs);
            List<LabelledCrop> all = CropDataset.read(options.data);
            if (crossValidation == null) {
                List<LabelledCrop> crops = options.selectCrops(all);
                SlideFolds folds = options.slideFolds(crops);
                return report(score(options.models, null, crops, sweep, shifts), folds, sweep, shifts);
            }
            if (options.models != null || options.slides != null || options.folds != null) {
                throw new IllegalArgumentException("--cross-validation replaces --models, --slides and --folds: "
                        + "its folds name their slides and their models");
            }
            String summary = crossValidationSummary();
            SlideFolds folds = crossValidationFolds(summary);
            EvaluationRun.Result r = report(pooled(all, folds, rules, sweep, shifts), folds, sweep, shifts);
            String json = ReportJson.withRecipe(r.json(), summary);
            if (rules != null) {
                json = ReportJson.withDecisionRules(json, decideAs.toString(), rules);
            }
            return new EvaluationRun.Result(json, r.predictionsCsv());
        });
    }

    private EvaluationRun.Result report(Scored scored, SlideFolds folds, List<Double> sweep, List<StainShift> shifts) {
        ClassifyConfig config = scored.model().classify();
        String nonGlomerular = config.nonGlomerularClass();
        ClassificationReport r = scored.own();
        String json = ReportJson.classification(scored.model(), r);
        if (folds != null) {
            json = ReportJson.withFolds(json, FoldScores.classification(r, folds, nonGlomerular));
        }
        if (!sweep.isEmpty()) {
            List<ClassificationResolution> swept = new ArrayList<>();
            for (int i = 0; i < sweep.size(); i++) {
                ClassificationReport seen = scored.swept().get(i);
                swept.add(new ClassificationResolution(sweep.get(i), seen,
                        folds == null ? null : FoldScores.classification(seen, folds, nonGlomerular)));
            }
            json = ReportJson.withClassificationResolutions(json, RENDERING.glomerulusRadiusMicrons(), swept);
            if (chooseCoarseCorrection) {
                CoarseCorrectionChoice.Objective objective = objective();
                json = ReportJson.withCoarseCorrection(json, objective,
                        CoarseCorrectionChoice.choose(swept, config, slide -> true, objective),
                        folds == null ? null : CoarseCorrectionChoice.crossValidated(swept, config, folds, objective));
            }
        }
        if (!shifts.isEmpty()) {
            List<ClassificationStain> restained = new ArrayList<>();
            for (int i = 0; i < shifts.size(); i++) {
                ClassificationReport seen = scored.restained().get(i);
                restained.add(new ClassificationStain(shifts.get(i), seen,
                        folds == null ? null : FoldScores.classification(seen, folds, nonGlomerular)));
            }
            json = ReportJson.withClassificationStains(json, restained);
        }
        return new EvaluationRun.Result(json, PredictionTables.classification(r));
    }

    private CoarseCorrectionChoice.Objective objective() {
        try {
            return CoarseCorrectionChoice.Objective.parse(coarseObjective);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--coarse-objective: " + e.getMessage(), e);
        }
    }

    /** The rejection threshold and coarse-slide correction of {@code --decide-as}'s classifier, read, not loaded. */
    private static ClassifyConfig decisionRules(Path folder) throws ModelException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--decide-as " + folder + ": no such folder");
        }
        Path rdf = folder.resolve(ModelSpecReader.RDF_FILE);
        if (!Files.isRegularFile(rdf)) {
            Path classifier = ModelFinder.packagesByTask(folder).get(Task.CLASSIFY);
            if (classifier == null || !Files.isDirectory(classifier)) {
                throw new IllegalArgumentException("--decide-as " + folder + ": holds no classifier package folder");
            }
            rdf = classifier.resolve(ModelSpecReader.RDF_FILE);
        }
        ClassifyConfig rules = ModelSpecReader.read(rdf).spec().classify();
        if (rules == null) {
            throw new IllegalArgumentException("--decide-as " + rdf + ": not a classifier");
        }
        return rules;
    }

    /**
     * The crops classified by the classifier found in {@code models}, in every view asked for, decided by
     * {@code rules}' rejection threshold and coarse-slide correction where given.
     */
    private Scored score(Path models, ClassifyConfig rules, List<LabelledCrop> crops, List<Double> sweep,
                         List<StainShift> shifts) throws DatasetException, ModelException, IOException {
        try (LoadedModels loaded = parent.models().open(models, EnumSet.of(Task.CLASSIFY),
                options.predictorOptions())) {
            StageModel model = loaded.stage(Task.CLASSIFY);
            ModelSpec spec = rules == null ? model.spec() : decidedBy(model.spec(), rules, models);
            CropClassificationEvaluator evaluator = new CropClassificationEvaluator(spec, model.predictor(),
                    options.batchSize);
            List<ClassificationReport> swept = new ArrayList<>();
            for (double mpp : sweep) {
                swept.add(evaluator.evaluate(crops, RENDERING, mpp));
            }
            List<ClassificationReport> restained = new ArrayList<>();
            for (StainShift shift : shifts) {
                restained.add(evaluator.evaluate(crops, shift));
            }
            return new Scored(spec, evaluator.evaluate(crops), swept, restained);
        }
    }

    private static ModelSpec decidedBy(ModelSpec model, ClassifyConfig rules, Path models) {
        ClassifyConfig own = model.classify();
        if (!own.classNames().equals(rules.classNames())
                || !Objects.equals(own.nonGlomerularClass(), rules.nonGlomerularClass())) {
            throw new IllegalArgumentException("--decide-as: its classes " + rules.classNames() + " are not those of "
                    + models + " " + own.classNames());
        }
        return model.withClassify(own.withRejectThreshold(rules.rejectThreshold())
                .withCoarseSlideCorrection(rules.coarseSlideCorrection()));
    }

    /** The text of {@code --cross-validation}'s cross-validation.json. */
    private String crossValidationSummary() throws IOException {
        Path summary = crossValidation.resolve(CROSS_VALIDATION_FILE);
        if (!Files.isRegularFile(summary)) {
            throw new IllegalArgumentException("--cross-validation: " + summary + " not found (train --folds "
                    + "writes it)");
        }
        return Files.readString(summary);
    }

    /** The folds that {@code summary}, the text of cross-validation.json, records. */
    private SlideFolds crossValidationFolds(String summary) {
        try {
            return SlideFolds.given(ReportJson.heldOutSlides(summary));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cross-validation: " + crossValidation.resolve(CROSS_VALIDATION_FILE)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each fold's held-out crops classified by that fold's model, pooled in fold order.
     *
     * @throws IllegalArgumentException if a fold's model is missing, its slides have no crop, or the folds'
     *                                  classifiers decide by different settings
     */
    private Scored pooled(List<LabelledCrop> all, SlideFolds folds, ClassifyConfig rules, List<Double> sweep,
                          List<StainShift> shifts) throws DatasetException, ModelException, IOException {
        List<Scored> perFold = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            int fold = f;
            Path models = crossValidation.resolve("fold-" + (f + 1));
            if (!Files.isDirectory(models)) {
                throw new IllegalArgumentException("--cross-validation: " + models + " not found");
            }
            List<LabelledCrop> crops = all.stream().filter(c -> folds.isHeldOut(fold, c.slideId())).toList();
            if (crops.isEmpty()) {
                throw new IllegalArgumentException("--cross-validation: no crop of " + options.data
                        + " comes from the slides of fold " + (f + 1) + " " + folds.heldOut(f));
            }
            Scored s = score(models, rules, crops, sweep, shifts);
            if (!perFold.isEmpty() && !s.model().classify().equals(perFold.get(0).model().classify())) {
                throw new IllegalArgumentException("--cross-validation: the classifiers of fold-1 and " + models
                        .getFileName() + " decide by different settings (classify: in their rdf.yaml)");
            }
            perFold.add(s);
        }
        ClassifyConfig config = perFold.get(0).model().classify();
        List<ClassificationReport> swept = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            int at = i;
            swept.add(concatenated(config, perFold.stream().map(s -> s.swept().get(at)).toList()));
        }
        List<ClassificationReport> restained = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            int at = i;
            restained.add(concatenated(config, perFold.stream().map(s -> s.restained().get(at)).toList()));
        }
        return new Scored(perFold.get(0).model(), concatenated(config, perFold.stream().map(Scored::own).toList()),
                swept, restained);
    }

    private static ClassificationReport concatenated(ClassifyConfig config, List<ClassificationReport> reports) {
        List<ClassifiedCrop> items = new ArrayList<>();
        reports.forEach(r -> items.addAll(r.items()));
        return ClassificationReport.of(config.classNames(), items, config.nonGlomerularClass());
    }

}
