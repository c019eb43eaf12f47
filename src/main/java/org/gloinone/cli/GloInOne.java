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

    /** Exit code of a defect that escaped a command (never expected; reported in one line). */
    static final int INTERNAL_ERROR = 70;

    /** Whether {@code --debug} was given: stack traces then go to the terminal. Reset by {@link #commandLine()}. */
    private static volatile boolean debug;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures (otherwise they go to glo-in-one.log in the output "
                    + "folder of a run).")
    void setDebug(boolean on) {
        debug = on;
    }

    /** True when {@code --debug} was given. */
    static boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with its exit-code mapping. */
    public static CommandLine commandLine() {
        debug = false;
        CommandLine cl = new CommandLine(new GloInOne());
        // A defect must not reach the user as a stack trace: one line, the trace only with --debug.
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (debug) {
                e.printStackTrace(line.getErr());
            }
            line.getErr().println("glo-in-one: internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
                    + ")" + (debug ? "" : "; run with --debug for details"));
            line.getErr().flush();
            return INTERNAL_ERROR;
        });
        return cl;
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
