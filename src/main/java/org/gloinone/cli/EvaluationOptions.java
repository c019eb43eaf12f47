package org.gloinone.cli;

import java.nio.file.Path;
import java.util.List;

import org.gloinone.eval.LabelledCrop;
import org.gloinone.eval.LabelledTile;
import org.gloinone.eval.SlideFolds;

import org.gloinone.model.Device;
import org.gloinone.model.PredictorOptions;

import picocli.CommandLine.Option;

/** The options every {@code evaluate} subcommand shares. */
final class EvaluationOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The labelled dataset folder: crops (labels.csv) or tiles (images/, masks/).")
    Path data;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of model packages searched first (default: GLO_IN_ONE_MODELS, then the models shipped with the program).")
    Path models;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON summary to this file.")
    Path out;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Write one CSV row per item to this file.")
    Path predictions;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8",
            description = "Patches per network call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "auto|cpu|gpu",
            description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "TensorFlow intra-op threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--trust-model", defaultValue = "false",
            description = "Load models whose graph holds operations that touch files, processes or the network "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean trustModel;

    @Option(names = "--slides", split = ",", paramLabel = "ID",
            description = "Crops datasets: score only the crops of these slide_id values (e.g. a held-out split).")
    List<String> slides;

    @Option(names = "--tiles", paramLabel = "FIRST-LAST",
            description = "Tiles datasets: score only the tiles whose numeric name lies in this id range.")
    String tiles;

    @Option(names = "--folds", paramLabel = "K|sources",
            description = "Crops datasets: also split the scores into K leave-slides-out folds (by slide_id), or "
                    + "into one fold per source ('sources': the part of slide_id before its first '_'), and report "
                    + "each fold and the mean and sd across folds.")
    String folds;

    @Option(names = "--fold-seed", paramLabel = "N", defaultValue = "7",
            description = "Seed that deals the slides into folds; train --folds uses its --seed the same way "
                    + "(default: ${DEFAULT-VALUE}).")
    long foldSeed;

    /**
     * The folds of {@code --folds} over these crops' slides, or null without the option.
     *
     * @throws IllegalArgumentException if K is not between 2 and the number of slides, or the crops come from one
     *                                  source
     */
    SlideFolds slideFolds(List<LabelledCrop> crops) {
        if (folds == null) {
            return null;
        }
        try {
            return SlideFolds.parse(folds, crops.stream().map(LabelledCrop::slideId).toList(), foldSeed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--folds: " + e.getMessage(), e);
        }
    }

    /** The crops of the slides named with {@code --slides}, or all of them. */
    List<LabelledCrop> selectCrops(List<LabelledCrop> crops) {
        if (slides == null) {
            return crops;
        }
        List<LabelledCrop> chosen = crops.stream().filter(c -> slides.contains(c.slideId())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--slides: no crop of " + data + " comes from " + slides);
        }
        return chosen;
    }

    /**
     * The tiles in the {@code --tiles} range, or all of them.
     *
     * @throws IllegalArgumentException if the range is malformed or selects nothing
     */
    List<LabelledTile> selectTiles(List<LabelledTile> all) {
        if (tiles == null) {
            return all;
        }
        int[] range = IdRange.parse("--tiles", tiles);
        List<LabelledTile> chosen = all.stream().filter(t -> IdRange.contains(range, t.name())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--tiles: no tile of " + data + " has an id in " + tiles);
        }
        return chosen;
    }

    /**
     * How the networks run.
     *
     * @throws IllegalArgumentException naming the option whose value is invalid
     */
    PredictorOptions predictorOptions() {
        return new PredictorOptions(Device.parse(device), threads, 0, trustModel);
    }
}
