package org.gloinone.cli;

import java.util.Objects;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code glo-in-one evaluate}: measures a model on labelled data with the paper's metrics. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Measure models on labelled data (detection AP over circle IoU, Dice, balanced accuracy, "
                + "F1, AUC). Prints one JSON object.",
        subcommands = {EvaluateSegmentCommand.class, EvaluateClassifyCommand.class, EvaluateDetectCommand.class,
                EvaluatePretrainingCommand.class})
public final class EvaluateCommand implements Runnable {
    private final ModelProvider models;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The command with the installed model packages. */
    public EvaluateCommand() {
        this(new PackagedModels());
    }

    /** The command with another source of models (e.g. models built in a test). */
    public EvaluateCommand(ModelProvider models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    ModelProvider models() {
        return models;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
