package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gloinone.eval.FoldScores;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.SlideFolds;
import org.gloinone.imagej.AnnotationFiles;
import org.gloinone.io.AtomicFiles;
import org.gloinone.model.CoarseSlideCorrection;
import org.gloinone.model.ModelException;
import org.gloinone.train.AnnotatedSlide;
import org.gloinone.train.Augmenter;
import org.gloinone.train.CollapseWatch;
import org.gloinone.train.DefaultModels;
import org.gloinone.train.PretrainedEncoder;
import org.gloinone.train.SimSiamTask;
import org.gloinone.train.TrainedDetector;
import org.gloinone.train.TrainingData;
import org.gloinone.train.TrainingListener;
import org.gloinone.train.TrainingOptions;
import org.gloinone.train.TrainingResult;
import org.gloinone.train.TrainingTask;
import org.gloinone.train.ModelPackaging;
import org.gloinone.train.Trainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glo-in-one train detect|classify|segment}: trains a model in Java and writes its package;
 * {@code glo-in-one train pretrain}: pretrains the classifier's encoder with SimSiam and writes a pretrained-encoder
 * package, which {@code train classify --init} fine-tunes.
 */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a detector, classifier or segmenter on the crops and tiles layouts and write a model "
                + "package (SavedModel, rdf.yaml, test tensors, MODEL_CARD.md); or pretrain the classifier's encoder "
                + "without labels (SimSiam) for classify --init.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "detect, classify, segment or pretrain")
    private String task;

    @Option(names = "--data", required = true,
            description = "folder holding glomerulus-crops/ and kidney-tiles/")
    private Path data;

    @Option(names = "--out", required = true, description = "model package folder to write")
    private Path out;

    @Option(names = "--epochs", defaultValue = "30", description = "training epochs")
    private int epochs;

    @Option(names = "--batch", defaultValue = "16", description = "samples per step")
    private int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "peak learning rate (cosine decay)")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "7", description = "seed of split, weights and augmentation")
    private long seed;

    @Option(names = "--checkpoints", description = "checkpoint folder (default: OUT.checkpoints)")
    private Path checkpoints;

    @Option(names = "--resume", description = "continue from the checkpoint")
    private boolean resume;

    @Option(names = "--validation-tiles", defaultValue = "10149-10165",
            description = "held-out tile id range FIRST-LAST, or none to train on every tile (then the detector is "
                    + "judged only by its recipe's folds: evaluate detect --fold-models)")
    private String validationTiles;

    @Option(names = "--detector", description = "classify: a detector package (or SavedModel folder) whose false "
            + "positives on the training tiles become non-glomerular examples. Repeatable: the false positives of "
            + "every detector are pooled, one place counted once")
    private List<Path> detectors = new ArrayList<>();

    @Option(names = "--low-magnification", paramLabel = "X",
            description = "classify, segment: the low-magnification look of half the patches reaches X times "
                    + "coarser than the patch (default: " + DefaultModels.CLASSIFY_MAX_LOW_MAGNIFICATION + "; a "
                    + "patch is about 0.8 um/px, so 6.5 reaches regions exported at 5.2 um/px). The segmenter has "
                    + "no such look, nor JPEG artefacts, unless this or --stain-factor is given")
    private Double lowMagnification;

    @Option(names = "--crop-mosaics", paramLabel = "SHARE",
            description = "detect: make this share (0 to 1) of the training scenes mosaics of whole crops, real "
                    + "glomeruli in the tissue they were cut from (default: " + DefaultModels.DETECT_MOSAIC_SHARE + ")")
    private Double cropMosaics;

    @Option(names = "--um-per-px", paramLabel = "X",
            description = "detect: the pixel size the detector works at, a whole multiple of the tiles' 0.5 um/px "
                    + "up to 8 (default: " + DefaultModels.DETECT_MICRONS_PER_PIXEL + "); its training scenes span "
                    + DefaultModels.DETECT_SCENE_MICRONS + " um")
    private Double micronsPerPixel;

    @Option(names = "--width-factor", paramLabel = "K",
            description = "detect: multiply every channel width of the detector network by K, 1 to 4 (default 1: "
                    + "24 to 96 channels, about 0.65 M weights; K = 2 has about four times as many)")
    private Integer widthFactor;

    @Option(names = "--ensemble", paramLabel = "K",
            description = "detect: train K networks side by side, each from its own initial weights, and package "
                    + "the average of their outputs as one detector, 1 to 8 (default 1)")
    private Integer ensemble;

    @Option(names = "--stain-factor", paramLabel = "X",
            description = "detect, classify, segment: multiply each stain's density (haematoxylin, eosin, DAB) in training by "
                    + "a factor drawn between 1/X and X, 1 to 3, as other labs' stains differ (default: 1 +- 10 %)")
    private Double stainFactor;

    @Option(names = "--scale-jitter", paramLabel = "J",
            description = "segment: draw each patch's scale between 1/(1+J) and 1+J times the crop's, 0 to 1 "
                    + "(default: 0.15). A run frames a glomerulus by the detector's circle plus 12.5 um, so it often "
                    + "fills less of the patch than of a crop; the crop's surroundings beyond its edge are mirrored")
    private Double scaleJitter;

    @Option(names = "--balance-sources",
            description = "classify: draw each class's training crops source by source (a slide_id's part before its "
                    + "first '_'), each source alike, instead of each crop alike (default: false)")
    private boolean balanceSources;

    @Option(names = "--annotations", paramLabel = "SLIDE=FILE",
            description = "an annotated slide to train on as well: the slide file and its annotations (ImageScope "
                    + "XML, GeoJSON or an ImageJ ROI set; the layer or class names the glomerulus class). Repeatable.")
    private Map<Path, Path> annotations = new LinkedHashMap<>();

    @Option(names = "--folds", paramLabel = "K|sources",
            description = "classify, segment: leave-slides-out cross-validation instead of one split: train K models, "
                    + "each holding out one fold of slides (by slide_id, dealt with --seed), write them to OUT/fold-1 "
                    + "... OUT/fold-K with their held-out evaluation, and their mean and sd to "
                    + "OUT/cross-validation.json. 'sources' holds out one source at a time instead (the part of "
                    + "slide_id before its first '_': a lab or scanner)")
    private String folds;

    @Option(names = "--init", paramLabel = "PRETRAINED",
            description = "classify: start from this pretrained-encoder package (from train pretrain)")
    private Path init;

    @Option(names = "--size", defaultValue = "0",
            description = "classify and pretrain: patch edge in pixels; 0 for the default (256)")
    private int size;

    @Option(names = "--overwrite", description = "replace an existing package in --out")
    private boolean overwrite;

    @Option(names = "--tiny", hidden = true, description = "tiny networks and data (tests)")
    private boolean tiny;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int[] range;
        try {
            range = IdRange.parseOrNone("--validation-tiles", validationTiles);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!Files.isDirectory(data)) {
            err.println(data + ": --data folder does not exist");
            return 2;
        }
        if (!heldOutTilesExist(range)) {
            err.println("--validation-tiles: no tile of " + data.resolve("kidney-tiles") + " has an id in "
                    + validationTiles + " (say none to hold out no tile)");
            return 2;
        }
        if (Files.exists(out) && !overwrite) {
            err.println(out + ": --out exists; choose a new folder or add --overwrite");
            return 2;
        }
        Path ckpt = checkpoints != null ? checkpoints : out.resolveSibling(out.getFileName() + ".checkpoints");
        TrainingOptions options;
        try {
            // the collapse check of pretraining runs every epoch
            options = new TrainingOptions(epochs, batch, learningRate, 1e-4, seed, ckpt, resume,
                    tiny || task.equals("pretrain") ? 1 : 5);
            if (size < 0 || (size > 0 && size < 16)) {
                throw new IllegalArgumentException("--size must be 0 (default) or >= 16, got " + size);
            }
            if (init != null && !task.equals("classify")) {
                throw new IllegalArgumentException("--init applies to classify only");
            }
            if (!detectors.isEmpty() && !task.equals("classify")) {
                throw new IllegalArgumentException("--detector applies to classify only");
            }
            if (lowMagnification != null && !task.equals("classify") && !task.equals("segment")) {
                throw new IllegalArgumentException("--low-magnification applies to classify and segment only");
            }
            if (cropMosaics != null && !task.equals("detect")) {
                throw new IllegalArgumentException("--crop-mosaics applies to detect only");
            }
            if (micronsPerPixel != null && !task.equals("detect")) {
                throw new IllegalArgumentException("--um-per-px applies to detect only");
            }
            if (widthFactor != null && !task.equals("detect")) {
                throw new IllegalArgumentException("--width-factor applies to detect only");
            }
            if (widthFactor != null && (widthFactor < 1 || widthFactor > 4)) {
                throw new IllegalArgumentException("--width-factor must be from 1 to 4, got " + widthFactor);
            }
            if (ensemble != null && !task.equals("detect")) {
                throw new IllegalArgumentException("--ensemble applies to detect only");
            }
            if (ensemble != null && (ensemble < 1 || ensemble > 8)) {
                throw new IllegalArgumentException("--ensemble must be from 1 to 8, got " + ensemble);
            }
            if (stainFactor != null && !List.of("detect", "classify", "segment").contains(task)) {
                throw new IllegalArgumentException("--stain-factor applies to detect, classify and segment only");
            }
            if (scaleJitter != null && !task.equals("segment")) {
                throw new IllegalArgumentException("--scale-jitter applies to segment only");
            }
            if (scaleJitter != null && !(scaleJitter >= 0 && scaleJitter <= 1)) {
                throw new IllegalArgumentException("--scale-jitter must be from 0 to 1, got " + scaleJitter);
            }
            if (balanceSources && !task.equals("classify")) {
                throw new IllegalArgumentException("--balance-sources applies to classify only");
            }
            if (stainFactor != null && !(stainFactor >= 1 && stainFactor <= 3)) {
                throw new IllegalArgumentException("--stain-factor must be from 1 to 3, got " + stainFactor);
            }
            if (micronsPerPixel != null) {
                try {
                    DefaultModels.tileFactor(micronsPerPixel);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--um-per-px: " + e.getMessage(), e);
                }
            }
            if (cropMosaics != null && !(cropMosaics >= 0 && cropMosaics <= 1)) {
                throw new IllegalArgumentException("--crop-mosaics must be from 0 to 1, got " + cropMosaics);
            }
            if (lowMagnification != null && !(lowMagnification >= 1 && lowMagnification <= 20)) {
                throw new IllegalArgumentException("--low-magnification must be from 1 to 20, got "
                        + lowMagnification);
            }
            if (size > 0 && !task.equals("classify") && !task.equals("pretrain")) {
                throw new IllegalArgumentException("--size applies to classify and pretrain only");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            // read before the data, so that a wrong --init fails at once
            PretrainedEncoder encoder = init == null ? null
                    : PretrainedEncoder.read(init, DefaultModels.classifierNet(tiny));
            List<AnnotatedSlide> annotated = new ArrayList<>();
            for (Map.Entry<Path, Path> e : annotations.entrySet()) {
                annotated.add(new AnnotatedSlide(e.getKey(), AnnotationFiles.read(e.getValue())));
            }
            TrainingData td = TrainingData.read(data, seed, tiny ? 40 : 0, range, annotated);
            if (!annotated.isEmpty()) {
                spec.commandLine().getOut().println("annotated slides: " + annotated.size() + ", glomeruli: "
                        + td.annotatedCrops().size());
            }
            if (task.equals("pretrain")) {
                return pretrain(td, options);
            }
            if (!List.of("detect", "classify", "segment").contains(task)) {
                err.println("TASK must be detect, classify, segment or pretrain, got '" + task + "'");
                return 2;
            }
            if (folds == null) {
                return trainAndEvaluate(td, out, options, encoder, true);
            }
            if (task.equals("detect")) {
                err.println("--folds needs slide ids, which only the crops carry: use it with classify or segment");
                return 2;
            }
            return crossValidate(td, options, encoder);
        } catch (IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * Trains one model on the training side of {@code td} (from a pretrained encoder when one is given), writes its
     * package to {@code dir} and evaluates it.
     */
    private int trainAndEvaluate(TrainingData td, Path dir, TrainingOptions options, PretrainedEncoder encoder,
                                 boolean chooseCoarseCorrection) throws IOException {
        TrainingTask t = switch (task) {
            case "segment" -> DefaultModels.segmenter(td, tiny ? 32 : DefaultModels.SEGMENT_SIZE, tiny,
                    segmenterAugmenter());
            case "classify" -> DefaultModels.classifier(td, patchSize(DefaultModels.CLASSIFY_SIZE), tiny,
                    trainedDetectors(detectors), lowMagnification(), stainFactor());
            default -> {
                double um = micronsPerPixel != null ? micronsPerPixel : DefaultModels.DETECT_MICRONS_PER_PIXEL;
                yield DefaultModels.detector(td, tiny ? 64 : DefaultModels.detectSceneSize(um), tiny,
                        cropMosaics != null ? cropMosaics : DefaultModels.DETECT_MOSAIC_SHARE, um,
                        widthFactor != null ? widthFactor : 1, ensemble != null ? ensemble : 1, stainFactor());
            }
        };
        PrintWriter o = spec.commandLine().getOut();
        if (t instanceof org.gloinone.train.ClassifierTask c && !detectors.isEmpty()) {
            o.println("detector false positives used as non-glomerular examples: " + c.hardNegativeCount());
        }
        if (t instanceof org.gloinone.train.ClassifierTask c && balanceSources) {
            c.balanceSources();
        }
        Trainer trainer = new Trainer(t, options);
        if (encoder != null) {
            trainer.startingFrom(encoder.weights());
            o.println("starting from the pretrained encoder " + init + " (" + encoder.weights().size()
                    + " variables, pretrained on " + encoder.size() + " px views; this classifier sees "
                    + t.inputSize() + " px patches)");
        }
        TrainingResult result = trainer.train(new ProgressPrinter(o));
        ModelPackaging.write(t, result, dir, commandLine(), noHeldOutTiles() ? null : validationTiles);
        o.println("validation: " + format(result.metrics()));
        o.println("wrote " + dir);
        o.flush();
        return evaluateHeldOut(td, dir, chooseCoarseCorrection);
    }

    /**
     * Trains one model per leave-slides-out fold, each into {@code OUT/fold-N} with its held-out evaluation, and
     * writes the folds' scores with their mean and sd to {@code OUT/cross-validation.json}.
     */
    private int crossValidate(TrainingData td, TrainingOptions options, PretrainedEncoder encoder)
            throws IOException {
        SlideFolds slideFolds;
        try {
            slideFolds = SlideFolds.parse(folds, td.crops().slideIds(), seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--folds: " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        List<Set<String>> heldOut = new ArrayList<>();
        List<Map<String, Double>> scores = new ArrayList<>();
        for (int f = 0; f < slideFolds.count(); f++) {
            Path dir = out.resolve("fold-" + (f + 1));
            o.println("fold " + (f + 1) + " of " + slideFolds.count() + ": held-out slides "
                    + String.join(",", new TreeSet<>(slideFolds.heldOut(f))));
            TrainingOptions foldOptions = new TrainingOptions(options.epochs(), options.batchSize(),
                    options.learningRate(), options.weightDecay(), options.seed(),
                    options.checkpointDir().resolve("fold-" + (f + 1)), options.resume(), options.validateEvery(),
                    options.intraOpThreads(), options.interOpThreads());
            // a fold package judges the recipe on its held-out slides, so it gets no correction chosen on them
            int code = trainAndEvaluate(td.withValidationSlides(slideFolds.heldOut(f)), dir, foldOptions, encoder,
                    false);
            if (code != 0) {
                return code;
            }
            heldOut.add(slideFolds.heldOut(f));
            scores.add(ReportJson.scores(Files.readString(dir.resolve("evaluation.json"))));
        }
        String json = ReportJson.crossValidation(task, commandLine(), new FoldScores(heldOut, scores));
        AtomicFiles.writeString(out.resolve("cross-validation.json"), json);
        o.print(json);
        o.println("wrote " + out.resolve("cross-validation.json"));
        o.flush();
        return 0;
    }

    /** The largest factor of --stain-factor, 1 without it (the trainer's ±10 % jitter). */
    private double stainFactor() {
        return stainFactor != null ? stainFactor : 1;
    }

    /** The mild standard augmentation, or the robust one with an export option, with --scale-jitter's scales. */
    private Augmenter segmenterAugmenter() {
        Augmenter a = lowMagnification == null && stainFactor == null ? Augmenter.standard()
                : Augmenter.robust(lowMagnification(), stainFactor());
        return scaleJitter == null ? a : a.withScaleJitter(scaleJitter);
    }

    private double lowMagnification() {
        return lowMagnification != null ? lowMagnification : DefaultModels.CLASSIFY_MAX_LOW_MAGNIFICATION;
    }

    /** The patch edge: --size, else 32 for --tiny, else the task's default. */
    private int patchSize(int defaultSize) {
        return size > 0 ? size : (tiny ? 32 : defaultSize);
    }

    /** SimSiam on the training side; a collapse stops it with a one-line reason and no package. */
    private int pretrain(TrainingData td, TrainingOptions options) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        int edge = patchSize(DefaultModels.CLASSIFY_SIZE);
        SimSiamTask t = SimSiamTask.on(td, edge, tiny);
        CollapseWatch watch = new CollapseWatch(new ProgressPrinter(o));
        TrainingResult result;
        try {
            result = new Trainer(t, options).train(watch);
        } catch (CollapseWatch.CollapseException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        PretrainedEncoder.write(out, result, t.net(), edge, watch.lastSpread(), commandLine());
        o.println("wrote " + out);
        o.flush();
        return 0;
    }

    private boolean noHeldOutTiles() {
        return IdRange.NONE.equalsIgnoreCase(validationTiles.strip());
    }

    /** False when a tile range is given but no tile of the data folder's kidney tiles lies in it. */
    private boolean heldOutTilesExist(int[] range) {
        Path images = data.resolve("kidney-tiles").resolve("images");
        if (noHeldOutTiles() || !Files.isDirectory(images)) {
            return true;
        }
        try (var files = Files.list(images)) {
            return files.anyMatch(f -> IdRange.contains(range, f.getFileName().toString()));
        } catch (IOException e) {
            return true; // reading the data reports it
        }
    }

    /**
     * Runs {@code glo-in-one evaluate} on the held-out split with the new package and keeps its JSON in the
     * package as {@code evaluation.json}: the numbers a model card quotes come from the same command users run.
     * A classifier's held-out crops are also seen at coarser pixel sizes, and when {@code chooseCoarseCorrection}
     * the coarse-slide correction chosen there goes into its rdf.yaml: how far blur pulls the sclerosed call differs
     * from one trained model to the next, so each package needs its own.
     */
    private int evaluateHeldOut(TrainingData td, Path out, boolean chooseCoarseCorrection) {
        if (task.equals("detect") && noHeldOutTiles()) {
            PrintWriter o = spec.commandLine().getOut();
            o.println("held-out evaluation: none (--validation-tiles none); judge the recipe by its folds: "
                    + "glo-in-one evaluate detect --fold-models");
            o.flush();
            return 0;
        }
        List<String> args = new ArrayList<>(List.of("evaluate", task, "--models", out.toString(),
                "--out", out.resolve("evaluation.json").toString()));
        if (task.equals("detect")) {
            args.addAll(List.of("--data", data.resolve("kidney-tiles").toString(), "--tiles", validationTiles,
                    "--mpp", Double.toString(TrainingData.TILE_MICRONS_PER_PIXEL)));
        } else {
            args.addAll(List.of("--data", data.resolve("glomerulus-crops").toString(),
                    "--slides", String.join(",", new TreeSet<>(td.validationSlides()))));
            if (task.equals("classify") && chooseCoarseCorrection) {
                args.addAll(List.of("--resolutions", CORRECTION_SWEEP, "--choose-coarse-correction"));
                int slides = td.validationSlides().size();
                if (slides >= 2) { // the correction judged fold by fold
                    args.addAll(List.of("--folds", Integer.toString(Math.min(3, slides))));
                }
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("held-out evaluation: glo-in-one " + String.join(" ", args));
        o.flush();
        CommandLine evaluate = GloInOne.commandLine();
        evaluate.setOut(o);
        evaluate.setErr(spec.commandLine().getErr());
        int code = evaluate.execute(args.toArray(String[]::new));
        if (code == 0) {
            try {
                String corrected = args.contains("--choose-coarse-correction") ? writeCoarseCorrection(out) : "";
                Path card = out.resolve("MODEL_CARD.md");
                AtomicFiles.writeString(card, Files.readString(card) + "\n## Held-out evaluation\n\n"
                        + "`glo-in-one " + String.join(" ", args).replace(out.toString(), "PACKAGE")
                        + "` printed (also in `evaluation.json`):\n\n```json\n"
                        + Files.readString(out.resolve("evaluation.json")).strip() + "\n```\n" + corrected);
            } catch (IOException | ModelException e) {
                spec.commandLine().getErr().println(out.resolve("MODEL_CARD.md") + ": cannot add the evaluation ("
                        + e.getMessage() + ")");
                return 1;
            }
        }
        return code;
    }

    /**
     * Writes the coarse-slide correction chosen in the package's evaluation.json into its rdf.yaml.
     *
     * @return the card's sentence saying so
     */
    private String writeCoarseCorrection(Path out) throws IOException, ModelException {
        CoarseSlideCorrection chosen = ReportJson.chosenCoarseCorrection(
                Files.readString(out.resolve("evaluation.json")));
        Path rdf = PackageSettings.rewrite(out, model -> model.withClassify(
                model.classify().withCoarseSlideCorrection(chosen)));
        String what = chosen.isActive() ? "from " + chosen.fromMicronsPerPixel() + " um/px, "
                + chosen.sclerosedLogitPerMicronPerPixel() + " log-odds per um/px" : "none";
        PrintWriter o = spec.commandLine().getOut();
        o.println("coarse-slide correction chosen on the held-out crops: " + what + " (in " + rdf + ")");
        o.flush();
        return "\nThe coarse-slide correction chosen there (`coarse_slide_correction.chosen`: " + what
                + ") is the package's `classify.coarse_slide_correction`; the `resolutions` rows above are "
                + "the network's calls without it.\n";
    }

    private static List<TrainedDetector> trainedDetectors(List<Path> dirs) throws IOException {
        List<TrainedDetector> out = new ArrayList<>();
        for (Path dir : dirs) {
            out.add(TrainedDetector.open(dir));
        }
        return out;
    }

    /** The pixel sizes at which a new classifier's held-out crops are seen to choose its coarse-slide correction. */
    private static final String CORRECTION_SWEEP = "1,1.5,2,2.5,3,3.5,4,4.5,5";

    private String commandLine() {
        return "glo-in-one train " + task + " --data " + data + " --out " + out + " --epochs " + epochs
                + " --batch " + batch + " --lr " + learningRate + " --seed " + seed
                + " --validation-tiles " + validationTiles
                + detectors.stream().map(d -> " --detector " + d).collect(Collectors.joining())
                + (lowMagnification != null ? " --low-magnification " + lowMagnification : "")
                + (cropMosaics != null ? " --crop-mosaics " + cropMosaics : "")
                + (micronsPerPixel != null ? " --um-per-px " + micronsPerPixel : "")
                + (widthFactor != null ? " --width-factor " + widthFactor : "")
                + (ensemble != null ? " --ensemble " + ensemble : "")
                + (stainFactor != null ? " --stain-factor " + stainFactor : "")
                + (scaleJitter != null ? " --scale-jitter " + scaleJitter : "")
                + (balanceSources ? " --balance-sources" : "")
                + (init != null ? " --init " + init : "") + (size > 0 ? " --size " + size : "")
                + annotations.entrySet().stream().map(e -> " --annotations " + e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining())
                + (folds != null ? " --folds " + folds : "") + (tiny ? " --tiny" : "");
    }

    static String format(Map<String, Double> metrics) {
        StringBuilder b = new StringBuilder();
        metrics.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return b.toString();
    }

    /** Prints a progress bar with the loss and the ETA, one line per epoch. */
    private static final class ProgressPrinter implements TrainingListener {
        private final PrintWriter out;
        private final boolean terminal = System.console() != null;
        private long lastPrint;

        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void step(int epoch, int step, int totalSteps, double loss, double eta) {
            long now = System.nanoTime();
            if (step != totalSteps && now - lastPrint < (terminal ? 500_000_000L : 30_000_000_000L)) {
                return;
            }
            lastPrint = now;
            int width = 30;
            int done = (int) Math.round(width * step / (double) totalSteps);
            String bar = "#".repeat(done) + "-".repeat(width - done);
            String line = String.format(Locale.ROOT, "[%s] step %d/%d epoch %d loss %.4f ETA %s", bar, step,
                    totalSteps, epoch, loss, duration(eta));
            if (terminal) {
                out.print("\r" + line);
            } else {
                out.println(line);
            }
            out.flush();
        }

        @Override
        public void epoch(int epoch, double meanLoss, Map<String, Double> metrics) {
            out.println((terminal ? "\n" : "") + String.format(Locale.ROOT, "epoch %d mean loss %.4f", epoch, meanLoss)
                    + (metrics.isEmpty() ? "" : " | " + format(metrics)));
            out.flush();
        }

        private static String duration(double s) {
            long t = Math.round(s);
            return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
        }
    }
}
