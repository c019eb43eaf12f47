package org.gloinone.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.gloinone.eval.CropDataset;
import org.gloinone.eval.CropRendering;
import org.gloinone.eval.CropSegmentationEvaluator;
import org.gloinone.eval.DatasetException;
import org.gloinone.eval.FoldScores;
import org.gloinone.eval.PipelineGlomerulusSegmenter;
import org.gloinone.eval.PredictionTables;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.SegmentationReport;
import org.gloinone.eval.SegmentationResolution;
import org.gloinone.eval.SegmentationStain;
import org.gloinone.eval.SlideFolds;
import org.gloinone.eval.StainShift;
import org.gloinone.eval.TileDataset;
import org.gloinone.eval.TileDetectors;
import org.gloinone.eval.TileGroundTruth;
import org.gloinone.eval.TileSegmentationEvaluator;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.StageModel;
import org.gloinone.train.DefaultModels;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glo-in-one evaluate segment}: Dice and IoU per glomerulus, on crops or on tiles. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Score the segmenter: Dice and IoU per glomerulus, their mean, standard deviation and n. "
                + "On crops each crop is segmented whole; on tiles (needs --mpp) each annotated glomerulus is scored "
                + "against the mask of the detection that matches it (Dice 0 when none does).")
final class EvaluateSegmentCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private EvaluationOptions options = new EvaluationOptions();

    @Option(names = "--mpp", paramLabel = "X",
            description = "Micrometres per pixel of the tiles; needed for a tiles dataset (default: none).")
    private Double micronsPerPixel;

    @Option(names = "--min-area-um2", paramLabel = "A", defaultValue = "" + TileGroundTruth.DEFAULT_MIN_AREA_UM2,
            description = "On tiles, smallest glomerulus that is scored, in square micrometres (default: ${DEFAULT-VALUE}).")
    private double minAreaUm2;

    @Option(names = "--resolutions", split = ",", paramLabel = "X",
            description = "On crops: also render them at these pixel sizes in um/px (area average), as slides "
                    + "exported at them show a glomerulus, and score each against the crop's own mask, e.g. 1,2,4,5. "
                    + "A crop's own pixel size is taken from its mask, its glomerulus assumed to have the training "
                    + "tiles' median radius.")
    private List<Double> resolutions;

    @Option(names = "--stains", split = ",", paramLabel = "NAME",
            description = "On crops: also score them restained as another lab's sections would show them, against "
                    + "the crop's own mask: faded, dark (both stains' densities at 0.6 or 1.5), blue (haematoxylin "
                    + "1.5, eosin 0.8) or magenta (haematoxylin 0.8, eosin 1.5).")
    private List<String> stains;

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
            List<StainShift> shifts = new ArrayList<>();
            for (String word : stains == null ? List.<String>of() : stains) {
                shifts.add(EvaluationRun.stainShift("--stains", word));
            }
            if (CropDataset.isCrops(options.data)) {
                var crops = options.selectCrops(CropDataset.read(options.data));
                try (LoadedModels loaded = parent.models().open(options.models, EnumSet.of(Task.SEGMENT),
                        options.predictorOptions())) {
                    StageModel model = loaded.stage(Task.SEGMENT);
                    CropSegmentationEvaluator evaluator = new CropSegmentationEvaluator(model.spec(),
                            model.predictor(), options.batchSize);
                    SegmentationReport r = evaluator.evaluate(crops);
                    EvaluationRun.Result result = result(model, "crops", r);
                    SlideFolds folds = options.slideFolds(crops);
                    String json = folds == null ? result.json()
                            : ReportJson.withFolds(result.json(), FoldScores.segmentation(r, crops, folds));
                    if (!sweep.isEmpty()) {
                        CropRendering rendering = new CropRendering(DefaultModels.GLOMERULUS_MEDIAN_RADIUS_MICRONS);
                        List<SegmentationResolution> swept = new ArrayList<>();
                        for (double mpp : sweep) {
                            SegmentationReport seen = evaluator.evaluate(crops, rendering, mpp);
                            swept.add(new SegmentationResolution(mpp, seen,
                                    folds == null ? null : FoldScores.segmentation(seen, crops, folds)));
                        }
                        json = ReportJson.withSegmentationResolutions(json, rendering.glomerulusRadiusMicrons(), swept);
                    }
                    if (!shifts.isEmpty()) {
                        List<SegmentationStain> restained = new ArrayList<>();
                        for (StainShift shift : shifts) {
                            SegmentationReport seen = evaluator.evaluate(crops, shift);
                            restained.add(new SegmentationStain(shift,
                                    seen, folds == null ? null : FoldScores.segmentation(seen, crops, folds)));
                        }
                        json = ReportJson.withSegmentationStains(json, restained);
                    }
                    return new EvaluationRun.Result(json, result.predictionsCsv());
                }
            }
            if (!TileDataset.isTiles(options.data)) {
                throw new DatasetException(options.data,
                        "is neither a crops dataset (labels.csv) nor a tiles dataset (images/ and masks/)");
            }
            if (options.folds != null) {
                throw new IllegalArgumentException("--folds needs a crops dataset (slide_id groups the folds)");
            }
            if (!sweep.isEmpty()) {
                throw new IllegalArgumentException("--resolutions needs a crops dataset (a tiles dataset is swept by "
                        + "evaluate detect --resolutions)");
            }
            if (!shifts.isEmpty()) {
                throw new IllegalArgumentException("--stains needs a crops dataset (a tiles dataset is restained by "
                        + "evaluate detect --stain)");
            }
            if (micronsPerPixel == null) {
                throw new IllegalArgumentException("--mpp is needed for a tiles dataset (" + options.data + ")");
            }
            EvaluationRun.checkMicronsPerPixel("--mpp", micronsPerPixel);
            EvaluationRun.checkMinArea(minAreaUm2);
            var tiles = options.selectTiles(TileDataset.read(options.data));
            try (LoadedModels loaded = parent.models().open(options.models, EnumSet.of(Task.DETECT, Task.SEGMENT),
                    options.predictorOptions())) {
                StageModel detector = loaded.stage(Task.DETECT);
                StageModel segmenter = loaded.stage(Task.SEGMENT);
                SegmentationReport r = new TileSegmentationEvaluator(TileDetectors.of(detector.spec(), detector.predictor()),
                        new PipelineGlomerulusSegmenter(segmenter.spec(), segmenter.predictor()), micronsPerPixel, minAreaUm2,
                        detector.spec().detect().scoreThreshold()).evaluate(tiles);
                return result(segmenter, "tiles", r);
            }
        });
    }

    private static EvaluationRun.Result result(StageModel model, String layout, SegmentationReport r) {
        return new EvaluationRun.Result(ReportJson.segmentation(model.spec(), layout, r),
                PredictionTables.segmentation(r));
    }
}
