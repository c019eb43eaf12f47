package org.gloinone.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.gloinone.io.ResultNames;
import org.gloinone.job.OutputFolder;
import org.gloinone.model.ModelFinder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glo-in-one demo}: All-in-One on the bundled sample slide with the bundled models. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run All-in-One on the bundled sample slide (samples/kidney-pas-mosaic.tif) "
                + "and print where the overlay picture and tables are.")
public final class DemoCommand implements Callable<Integer> {
    /** The sample slide, relative to the program's home. */
    static final String SAMPLE = "samples/kidney-pas-mosaic.tif";

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path output;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        String home = System.getProperty(ModelFinder.HOME_PROPERTY, ".");
        Path sample = Path.of(home).resolve(SAMPLE);
        if (!Files.isRegularFile(sample)) {
            System.err.println("glo-in-one demo: the sample slide " + sample + " is missing; run from the project "
                    + "folder with ./glo-in-one");
            return BatchCommand.USAGE;
        }
        int code = BatchCommand.run(List.of(sample), output, options, false, true, System.out, System.err);
        if (code == 0) {
            String stem = ResultNames.slideStem(sample.getFileName().toString());
            Path folder = output.resolve(OutputFolder.plainName(sample.getFileName().toString()));
            System.out.println("overlay picture: " + folder.resolve(stem + "-overlay.png"));
            System.out.println("glomeruli table: " + folder.resolve(stem + "-glomeruli.csv"));
        }
        return code;
    }
}
