package org.gloinone.cli;

import org.gloinone.pipeline.ProgramVersion;
import org.tensorflow.TensorFlow;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code glo-in-one} command: subcommands for running, inspecting, evaluating and training. */
@Command(name = "glo-in-one",
        mixinStandardHelpOptions = true,
        versionProvider = GloInOne.Versions.class,
        description = "Glomerular detection, classification and segmentation on kidney whole-slide images "
                + "(Glo-In-One, Yao et al. 2022).",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            RunCommand.class,
            SummarizeCommand.class,
            InfoCommand.class,
            ModelsCommand.class,
            EvaluateCommand.class,
            TrainCommand.class,
        })
public final class GloInOne implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with its exit-code mapping. */
    public static CommandLine commandLine() {
        return new CommandLine(new GloInOne());
    }

    /** Entry point of the launcher. */
    public static void main(String[] args) {
        // Log records as one line ("INFO: message") instead of java.util.logging's two-line default.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        System.exit(commandLine().execute(args));
    }

    /** Prints the program and TensorFlow versions. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "glo-in-one " + ProgramVersion.get(),
                "TensorFlow " + TensorFlow.version() + " (TensorFlow Java)"
            };
        }
    }
}
