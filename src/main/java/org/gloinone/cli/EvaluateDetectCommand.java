package org.gloinone.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.gloinone.eval.DetectionClassifier;
import org.gloinone.eval.DetectionReport;
import org.gloinone.eval.OperatingPoints;
import org.gloinone.eval.PipelineDetectionClassifier;
import org.gloinone.eval.PredictionTables;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.ResolutionScores;
import org.gloinone.eval.TileClassLabels;
import org.gloinone.eval.TileDataset;
import org.gloinone.eval.TileDetectionEvaluator;
import org.gloinone.eval.TileDetectors;
import org.gloinone.eval.TileGroundTruth;
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
            description = "Score for recall and precision (default: the model's detect.score_threshold).")
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

    @Option(names = "--choose-thresholds",
            description = "With --classify: choose the detector's score threshold and the classifier's rejection "
                    + "threshold that give the best F1 of reported glomeruli over the tiles at their own pixel size "
                    + "and at each of --resolutions, and report them under chosen_thresholds (default: false).")
    private boolean chooseThresholds;

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
            var tiles = options.selectTiles(TileDataset.read(options.data));
            TileClassLabels labels = TileClassLabels.read(options.data);
            try (LoadedModels loaded = parent.models().open(options.models,
                    classify ? EnumSet.of(Task.DETECT, Task.CLASSIFY) : EnumSet.of(Task.DETECT),
                    options.predictorOptions())) {
                StageModel model = loaded.stage(Task.DETECT);
                StageModel classifier = classify ? loaded.stage(Task.CLASSIFY) : null;
                double threshold = scoreThreshold != null ? scoreThreshold : model.spec().detect().scoreThreshold();
                DetectionClassifier stage = classifier == null ? null
                        : new PipelineDetectionClassifier(classifier.spec(), classifier.predictor(), options.batchSize);
                TileDetectionEvaluator evaluator = new TileDetectionEvaluator(TileDetectors.of(model.spec(), model.predictor()), stage, labels,
                        micronsPerPixel, minAreaUm2, threshold, ignoreBorderCut);
                DetectionReport r = evaluator.evaluate(tiles);
                List<ResolutionScores> swept = new ArrayList<>();
                for (double mpp : sweep) {
                    swept.add(new ResolutionScores(mpp, evaluator.evaluate(tiles, mpp).scores()));
                }
                String json = ReportJson.detection(model.spec(), micronsPerPixel, minAreaUm2, ignoreBorderCut,
                        r.images().size(), r.scores(), swept);
                if (chooseThresholds) {
                    List<OperatingPoints.Image> images = new ArrayList<>(
                            evaluator.operatingPointImages(tiles, micronsPerPixel));
                    for (double mpp : sweep) {
                        images.addAll(evaluator.operatingPointImages(tiles, mpp));
                    }
                    json = ReportJson.withChoice(json, OperatingPoints.best(images, OperatingPoints.SCORE_GRID,
                            OperatingPoints.REJECT_GRID), images.size());
                }
                return new EvaluationRun.Result(json, PredictionTables.detection(r.images()));
            }
        });
    }
}
