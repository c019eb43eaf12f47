package org.gloinone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gloinone.job.OutputFolder;
import org.gloinone.job.OutputLock;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code glo-in-one summarize OUT}: rebuilds {@code summary.csv} from every complete slide folder of OUT. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Rebuild OUT/summary.csv from the run.json of every complete slide folder in OUT",
            "(e.g. after copying slide folders of runs on other machines into one folder).",
            "Exit codes: 0 written, 1 it could not be written, 2 OUT is no folder or another run holds it."})
public final class SummarizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "An output folder of glo-in-one run.")
    Path output;

    @Override
    public Integer call() {
        if (!Files.isDirectory(output)) {
            System.err.println("glo-in-one: " + output + ": no such folder");
            return BatchCommand.USAGE;
        }
        try (OutputLock lock = OutputLock.acquire(output)) {
            OutputFolder folder = new OutputFolder(output);
            folder.recoverLeftovers();
            Path summary = folder.writeSummary();
            System.out.println(summary + ": " + folder.completeSlides().size() + " slides");
            return 0;
        } catch (OutputLock.HeldException e) {
            System.err.println("glo-in-one: " + e.getMessage());
            return BatchCommand.USAGE;
        } catch (IOException e) {
            System.err.println("glo-in-one: " + e.getMessage());
            return BatchCommand.SOME_FAILED;
        }
    }
}
