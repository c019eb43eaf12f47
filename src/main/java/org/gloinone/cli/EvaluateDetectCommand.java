package org.gloinone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gloinone.eval.DatasetException;
import org.gloinone.eval.DetectionClassifier;
import org.gloinone.eval.DetectionFolds;
import org.gloinone.eval.DetectionReport;
import org.gloinone.eval.LabelledTile;
import org.gloinone.eval.OperatingPoints;
import org.gloinone.eval.PipelineDetectionClassifier;
import org.gloinone.eval.PredictionTables;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.ResolutionScores;
import org.gloinone.eval.StainShift;
import org.gloinone.eval.TileClassLabels;
import org.gloinone.eval.TileDataset;
import org.gloinone.eval.TileDetectionEvaluator;
import org.gloinone.eval.TileDetectors;
import org.gloinone.eval.TileGroundTruth;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.StageModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glo-in-one evaluate detect}: COCO-style AP over circle IoU on a tiles dataset. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Score the detector on a tiles dataset: AP over circle IoU 0.50:0.05:0.95, AP50, AP75, "
                + "recall, precision and the count error per tile at the score threshold. Mask components smaller than --min-area-um2 are "
                + "ignore regions.")
final class EvaluateDetectCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private EvaluationOptions options = new EvaluationOptions();

    @Option(names = "--mpp", required = true, paramLabel = "X",
            description = "Micrometres per pixel of the tiles (PNG files do not carry it), e.g. 0.5.")
    private double micronsPerPixel;

    @Option(names = "--min-area-um2", paramLabel = "A", defaultValue = "" + TileGroundTruth.DEFAULT_MIN_AREA_UM2,
            description = "Smallest glomerulus that counts, in square micrometres (default: ${DEFAULT-VALUE}).")
    private double minAreaUm2;

    @Option(names = "--score-threshold", paramLabel = "S",
            description = "Score for recall and precision, and with --choose-thresholds the only one tried "
                    + "(default: the model's detect.score_threshold).")
    private Double scoreThreshold;

    @Option(names = "--ignore-border-cut",
            description = "Count glomeruli cut by a tile's edge as ignore regions, not ground truths (default: false).")
    private boolean ignoreBorderCut;

    @Option(names = "--classify",
            description = "Also run the classifier on the detections, as a run does: non-glomerular ones are dropped, "
                    + "and with a labels.csv (image,x,y,is_globally_sclerotic) the percent sclerosed per tile is "
                    + "scored (default: false).")
    private boolean classify;

    @Option(names = "--resolutions", split = ",", paramLabel = "X",
            description = "Also render the tiles at these pixel sizes in um/px (area average) and score each, "
                    + "e.g. 0.5,1,2,4.")
    private List<Double> resolutions;

    @Option(names = "--stain", paramLabel = "NAME",
            description = "Restain every tile before it is scored, as another lab's sections would show it: faded, "
                    + "dark (both stains' densities at 0.6 or 1.5), blue (haematoxylin 1.5, eosin 0.8) or magenta "
                    + "(haematoxylin 0.8, eosin 1.5).")
    private String stain;

    /** The shift that {@code --stain} names, or null. */
    private StainShift restain;

    @Option(names = "--choose-thresholds",
            description = "With --classify: choose the detector's score threshold and the classifier's rejection "
                    + "threshold that give the best F1 of reported glomeruli over the tiles at their own pixel size "
                    + "and at each of --resolutions, and report them under chosen_thresholds; with --score-threshold "
                    + "only the rejection threshold is chosen (default: false).")
    private boolean chooseThresholds;

    @Option(names = "--record-thresholds", paramLabel = "DIR",
            description = "With --choose-thresholds: write the chosen pair into the detector and classifier packages "
                    + "of DIR (detect.score_threshold, classify.reject_threshold), which run then uses by default, "
                    + "and say so in their model cards; e.g. the recipe trained on every tile, judged by "
                    + "--fold-models.")
    private Path recordThresholds;

    /** The packages of {@code --record-thresholds}, or null. */
    private RecordedThresholds recorded;

    @Option(names = "--fold-models", paramLabel = "FIRST-LAST=DIR",
            description = "Cross-validate a detector recipe: score the tiles of each id range with the models of "
                    + "DIR (searched first, as --models), a detector trained without those tiles. Repeat once per "
                    + "fold. Reports each fold, the mean and sd across folds and the folds pooled; with "
                    + "--choose-thresholds the choice is made on all folds and also, for each fold, on the others.")
    private LinkedHashMap<String, Path> foldModels;

    @CommandLine.ParentCommand
    private EvaluateCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EvaluationRun.execute(spec, options, () -> {
            EvaluationRun.checkMicronsPerPixel("--mpp", micronsPerPixel);
            EvaluationRun.checkMinArea(minAreaUm2);
            if (scoreThreshold != null) {
                EvaluationRun.checkOption("--score-threshold", scoreThreshold,
                        scoreThreshold >= 0 && scoreThreshold <= 1, "in [0, 1]");
            }
            List<Double> sweep = resolutions == null ? List.of() : resolutions;
            for (double r : sweep) {
                EvaluationRun.checkMicronsPerPixel("--resolutions", r);
            }
            if (chooseThresholds && !classify) {
                throw new IllegalArgumentException("--choose-thresholds needs --classify");
            }
            if (recordThresholds != null && !chooseThresholds) {
                throw new IllegalArgumentException("--record-thresholds needs --choose-thresholds");
            }
            recorded = recordThresholds == null ? null : RecordedThresholds.in(recordThresholds);
            restain = stain == null ? null : EvaluationRun.stainShift("--stain", stain);
            List<LabelledTile> all = TileDataset.read(options.data);
            TileClassLabels labels = TileClassLabels.read(options.data);
            if (foldModels == null) {
                return single(options.selectTiles(all), labels, sweep);
            }
            if (options.models != null || options.tiles != null) {
                throw new IllegalArgumentException("--fold-models replaces --models and --tiles: each fold names "
                        + "its tiles and its models folder");
            }
            return folds(all, labels, sweep);
        });
    }

    private EvaluationRun.Result single(List<LabelledTile> tiles, TileClassLabels labels, List<Double> sweep)
            throws DatasetException, ModelException, IOException {
        Fold fold = evaluate(options.models, tiles, labels, sweep);
        DetectionReport r = fold.run().atOwn();
        List<ResolutionScores> swept = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            swept.add(new ResolutionScores(sweep.get(i), fold.run().swept().get(i).scores()));
        }
        String json = ReportJson.withStain(ReportJson.detection(fold.model(), micronsPerPixel, minAreaUm2,
                ignoreBorderCut, r.images().size(), r.scores(), swept), restain);
        if (chooseThresholds) {
            List<OperatingPoints.Image> images = fold.run().images();
            OperatingPoints.Choice chosen = OperatingPoints.best(images, scoreGrid(), OperatingPoints.REJECT_GRID);
            json = withRecorded(ReportJson.withChoice(json, chosen, images.size()), chosen, images.size());
            json = withModelThresholds(json, fold, images);
        }
        return new EvaluationRun.Result(json, PredictionTables.detection(r.images()));
    }

    private EvaluationRun.Result folds(List<LabelledTile> all, TileClassLabels labels, List<Double> sweep)
            throws DatasetException, ModelException, IOException {
        List<DetectionFolds.Fold> runs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Fold first = null;
        for (Map.Entry<String, Path> e : foldModels.entrySet()) {
            int[] range = IdRange.parse("--fold-models", e.getKey());
            List<LabelledTile> tiles = all.stream().filter(t -> IdRange.contains(range, t.name())).toList();
            if (tiles.isEmpty()) {
                throw new IllegalArgumentException("--fold-models: no tile of " + options.data + " has an id in "
                        + e.getKey());
            }
            for (LabelledTile t : tiles) {
                if (!seen.add(t.name())) {
                    throw new IllegalArgumentException("--fold-models: tile " + t.name() + " lies in two folds");
                }
            }
            Fold fold = evaluate(e.getValue(), tiles, labels, sweep);
            if (first != null && fold.threshold() != first.threshold()) {
                throw new IllegalArgumentException("--fold-models: the folds' detectors have different score "
                        + "thresholds (" + first.threshold() + ", " + fold.threshold() + "); give --score-threshold");
            }
            first = first == null ? fold : first;
            runs.add(fold.run());
        }
        double threshold = first.threshold();
        DetectionReport pooled = DetectionFolds.pooled(runs.stream().map(DetectionFolds.Fold::atOwn).toList(),
                threshold);
        List<ResolutionScores> swept = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            int at = i;
            swept.add(new ResolutionScores(sweep.get(i), DetectionFolds.pooled(
                    runs.stream().map(f -> f.swept().get(at)).toList(), threshold).scores()));
        }
        String json = ReportJson.withStain(ReportJson.detection(first.model(), micronsPerPixel, minAreaUm2,
                ignoreBorderCut, pooled.images().size(), pooled.scores(), swept), restain);
        json = ReportJson.withFolds(json, DetectionFolds.scores(runs, sweep), "held_out_tiles");
        if (chooseThresholds) {
            List<OperatingPoints.Image> images = DetectionFolds.images(runs);
            OperatingPoints.Choice chosen = OperatingPoints.best(images, scoreGrid(), OperatingPoints.REJECT_GRID);
            json = withRecorded(ReportJson.withChoice(json, chosen, images.size(),
                    DetectionFolds.crossValidatedChoices(runs, scoreGrid(), OperatingPoints.REJECT_GRID)),
                    chosen, images.size());
            json = withModelThresholds(json, first, images);
        }
        return new EvaluationRun.Result(json, PredictionTables.detection(pooled.images()));
    }

    /**
     * The detector score thresholds {@code --choose-thresholds} tries: only {@code --score-threshold} when given, so
     * that a new classifier's rejection threshold can be chosen for a detector whose threshold stays.
     */
    private double[] scoreGrid() {
        return scoreThreshold != null ? new double[] {scoreThreshold} : OperatingPoints.SCORE_GRID;
    }

    /** Records {@code chosen} in the packages of {@code --record-thresholds}, if given, and names them in the JSON. */
    private String withRecorded(String json, OperatingPoints.Choice chosen, int images)
            throws IOException, ModelException {
        if (recorded == null) {
            return json;
        }
        String command = "glo-in-one " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return ReportJson.withRecordedThresholds(json, recorded.record(chosen, images, command).stream()
                .map(Path::toString).toList());
    }

    /**
     * One detector's scores on some tiles, with its model, the score threshold they were reported at and the
     * classifier's rejection threshold (NaN when it has none or did not run).
     */
    private record Fold(ModelSpec model, double threshold, double rejectThreshold, DetectionFolds.Fold run) {
    }

    /** Adds what the packaged thresholds give on the choice's images, when the classifier has a rejection threshold. */
    private static String withModelThresholds(String json, Fold fold, List<OperatingPoints.Image> images) {
        return Double.isNaN(fold.rejectThreshold()) ? json : ReportJson.withModelThresholds(json,
                OperatingPoints.score(images, fold.threshold(), fold.rejectThreshold()));
    }

    private Fold evaluate(Path models, List<LabelledTile> tiles, TileClassLabels labels, List<Double> sweep)
            throws DatasetException, ModelException, IOException {
        try (LoadedModels loaded = parent.models().open(models,
                classify ? EnumSet.of(Task.DETECT, Task.CLASSIFY) : EnumSet.of(Task.DETECT),
                options.predictorOptions())) {
            StageModel model = loaded.stage(Task.DETECT);
            StageModel classifier = classify ? loaded.stage(Task.CLASSIFY) : null;
            double threshold = scoreThreshold != null ? scoreThreshold : model.spec().detect().scoreThreshold();
            DetectionClassifier stage = classifier == null ? null
                    : new PipelineDetectionClassifier(classifier.spec(), classifier.predictor(), options.batchSize);
            TileDetectionEvaluator evaluator = new TileDetectionEvaluator(TileDetectors.of(model.spec(),
                    model.predictor()), stage, labels, micronsPerPixel, minAreaUm2, threshold, ignoreBorderCut,
                    restain);
            DetectionReport own = evaluator.evaluate(tiles);
            List<DetectionReport> swept = new ArrayList<>();
            for (double mpp : sweep) {
                swept.add(evaluator.evaluate(tiles, mpp));
            }
            List<OperatingPoints.Image> images = new ArrayList<>();
            if (chooseThresholds) {
                images.addAll(evaluator.operatingPointImages(tiles, micronsPerPixel));
                for (double mpp : sweep) {
                    images.addAll(evaluator.operatingPointImages(tiles, mpp));
                }
            }
            double reject = classifier != null && classifier.spec().classify().hasRejectThreshold()
                    ? classifier.spec().classify().rejectThreshold() : Double.NaN;
            return new Fold(model.spec(), threshold, reject, new DetectionFolds.Fold(
                    tiles.stream().map(LabelledTile::name).toList(), own, swept, images));
        }
    }
}
