package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gloinone.eval.MeanAndSpread;
import org.gloinone.io.AtomicFiles;
import org.gloinone.train.CollapseWatch;
import org.gloinone.train.PretrainingStudy;
import org.gloinone.train.TrainingData;
import org.gloinone.train.TrainingListener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glo-in-one evaluate pretraining}: SimSiam pretraining versus random initialisation on leave-slides-out
 * folds (linear probe and fine-tuning), as fold mean ± sd of balanced accuracy and AUC.
 */
@Command(name = "pretraining", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Does SimSiam pretraining help the classifier? Per leave-slides-out fold of the crops: pretrain "
                + "on the training side, then score sclerosed vs normal on the held-out slides with a linear probe "
                + "(pretrained vs random encoder) and with the classifier fine-tuned vs trained from scratch. Prints "
                + "a table of fold means ± sd; writes every fold to --out as JSON.")
final class EvaluatePretrainingCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "folder holding glomerulus-crops/ and kidney-tiles/")
    private Path data;

    @Option(names = "--out", required = true, description = "JSON file to write")
    private Path out;

    @Option(names = "--folds", defaultValue = "3", description = "leave-slides-out folds")
    private int folds;

    @Option(names = "--size", defaultValue = "64", description = "image edge in pixels")
    private int size;

    @Option(names = "--pretrain-epochs", defaultValue = "10", description = "SimSiam epochs per fold")
    private int pretrainEpochs;

    @Option(names = "--finetune-epochs", defaultValue = "8", description = "classifier epochs per fold and arm")
    private int finetuneEpochs;

    @Option(names = "--batch", defaultValue = "32", description = "samples per step (SimSiam: pairs)")
    private int batch;

    @Option(names = "--pretrain-lr", defaultValue = "0.001", description = "SimSiam peak learning rate")
    private double pretrainLr;

    @Option(names = "--lr", defaultValue = "0.002", description = "classifier peak learning rate (both arms)")
    private double lr;

    @Option(names = "--seed", defaultValue = "7", description = "seed of folds, weights and batches")
    private long seed;

    @Option(names = "--tiny", hidden = true, description = "tiny networks and data (tests)")
    private boolean tiny;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (size < 16) {
                throw new IllegalArgumentException("--size must be >= 16, got " + size);
            }
            TrainingData td = TrainingData.read(data, seed, tiny ? 40 : 0, TrainingData.DEFAULT_VALIDATION_TILES);
            var settings = new PretrainingStudy.Settings(folds, size, pretrainEpochs, finetuneEpochs, batch,
                    pretrainLr, lr, seed, tiny);
            List<PretrainingStudy.FoldResult> results = new ArrayList<>();
            new PretrainingStudy(td, settings).run(epochPrinter(o), r -> {
                results.add(r);
                o.println("fold " + r.fold() + " (" + r.heldOutSlides().size() + " held-out slides): pretrain loss "
                        + fmt(r.pretrainLoss()) + ", z_std " + fmt(r.spread()) + " | balanced accuracy "
                        + scores(r.balancedAccuracy()) + " | AUC " + scores(r.auc()));
                o.flush();
            });
            o.println(table(results));
            o.println("fine-tuned beats from-scratch by more than one fold sd of balanced accuracy: "
                    + (PretrainingStudy.fineTuningWins(results) ? "yes" : "no"));
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            AtomicFiles.writeString(out, json(results));
            o.println("wrote " + out);
            o.flush();
            return 0;
        } catch (IOException | IllegalArgumentException | CollapseWatch.CollapseException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static TrainingListener epochPrinter(PrintWriter o) {
        return new TrainingListener() {
            @Override
            public void step(int epoch, int step, int totalSteps, double loss, double etaSeconds) {
            }

            @Override
            public void epoch(int epoch, double meanLoss, Map<String, Double> metrics) {
                o.println("  pretrain epoch " + epoch + " loss " + fmt(meanLoss) + " | " + TrainCommand.format(metrics));
                o.flush();
            }
        };
    }

    private static String scores(Map<String, Double> byArm) {
        return byArm.entrySet().stream().map(e -> e.getKey() + " " + fmt(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Markdown table: one row per arm, fold mean ± sd. */
    static String table(List<PretrainingStudy.FoldResult> results) {
        StringBuilder b = new StringBuilder("| arm | balanced accuracy | AUC |\n|---|---|---|\n");
        for (String arm : PretrainingStudy.ARMS) {
            b.append("| ").append(arm).append(" | ").append(meanSd(PretrainingStudy.summary(results, arm, false)))
                    .append(" | ").append(meanSd(PretrainingStudy.summary(results, arm, true))).append(" |\n");
        }
        return b.toString();
    }

    private static String meanSd(MeanAndSpread m) {
        return fmt(m.mean()) + " ± " + fmt(m.standardDeviation());
    }

    private String json(List<PretrainingStudy.FoldResult> results) {
        StringBuilder b = new StringBuilder("{\n");
        b.append(String.format(Locale.ROOT, "  \"settings\": {\"folds\": %d, \"size\": %d, \"pretrain_epochs\": %d, "
                        + "\"finetune_epochs\": %d, \"batch\": %d, \"pretrain_lr\": %s, \"lr\": %s, \"seed\": %d},\n",
                folds, size, pretrainEpochs, finetuneEpochs, batch, pretrainLr, lr, seed));
        b.append("  \"folds\": [\n");
        for (int i = 0; i < results.size(); i++) {
            var r = results.get(i);
            b.append(String.format(Locale.ROOT, "    {\"fold\": %d, \"held_out_slides\": [%s], \"pretrain_loss\": %s, "
                            + "\"z_std\": %s, \"balanced_accuracy\": %s, \"auc\": %s}%s\n", r.fold(),
                    r.heldOutSlides().stream().map(s -> "\"" + s.replace("\"", "") + "\"")
                            .collect(Collectors.joining(", ")),
                    num(r.pretrainLoss()), num(r.spread()), object(r.balancedAccuracy()), object(r.auc()),
                    i + 1 < results.size() ? "," : ""));
        }
        b.append("  ],\n  \"summary\": {");
        List<String> parts = new ArrayList<>();
        for (String arm : PretrainingStudy.ARMS) {
            MeanAndSpread ba = PretrainingStudy.summary(results, arm, false);
            MeanAndSpread auc = PretrainingStudy.summary(results, arm, true);
            parts.add(String.format(Locale.ROOT, "\"%s\": {\"balanced_accuracy_mean\": %s, \"balanced_accuracy_sd\": "
                            + "%s, \"auc_mean\": %s, \"auc_sd\": %s}", arm, num(ba.mean()),
                    num(ba.standardDeviation()), num(auc.mean()), num(auc.standardDeviation())));
        }
        b.append(String.join(", ", parts)).append("},\n");
        b.append("  \"finetuned_beats_scratch\": ").append(PretrainingStudy.fineTuningWins(results)).append("\n}\n");
        return b.toString();
    }

    private static String object(Map<String, Double> byArm) {
        return byArm.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + num(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
