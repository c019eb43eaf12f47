package org.gloinone.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options every {@code evaluate} subcommand shares. */
final class EvaluationOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The labelled dataset folder: crops (labels.csv) or tiles (images/, masks/).")
    Path data;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of model packages (default: GLO_IN_ONE_MODELS, then the models shipped with the program).")
    Path models;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON summary to this file.")
    Path out;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Write one CSV row per item to this file.")
    Path predictions;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8",
            description = "Patches per network call (default: ${DEFAULT-VALUE}).")
    int batchSize;
}
