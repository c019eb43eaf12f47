package org.gloinone.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glo-in-one run}: All-in-One on slides or folders of slides. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect, classify and segment glomeruli on each slide and write its result folder.",
            "Exit codes: 0 all slides done, 1 some failed (listed; the others are complete), 2 usage error."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SLIDE_OR_DIR",
            description = "Slide files, or folders whose slide files are run in name order.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output folder: one subfolder per slide, plus summary.csv.")
    Path output;

    @Mixin
    RunOptions options;

    @Option(names = "--resume", description = "Skip slides whose run.json matches the current models and options.")
    boolean resume;

    @Option(names = "--fail-fast", description = "Stop at the first failed slide.")
    boolean failFast;


    @Override
    public Integer call() {
        return BatchCommand.run(inputs, output, options, resume, failFast, System.out, System.err);
    }
}
