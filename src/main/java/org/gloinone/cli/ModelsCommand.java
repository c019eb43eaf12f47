package org.gloinone.cli;

import org.gloinone.model.Device;
import org.gloinone.model.DeviceChooser;
import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelCheck;
import org.gloinone.model.ModelChecker;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.ModelPackage;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glo-in-one models list|check}: what models are installed, and do they still work. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        description = "List or check the model packages (detector, classifier, segmenter).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.CheckModels.class})
public final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code models list}: name, task, version, µm/px and classes of the models that would be used. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the models found: name, task, version, um/px and classes.")
    static final class ListModels implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--models", paramLabel = "DIR",
                description = "Folder of model packages, searched before GLO_IN_ONE_MODELS and the models/ "
                        + "folder beside the program (default: none).")
        private Path models;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FoundModels found;
            try {
                found = ModelFinder.forThisProgram(models).find();
            } catch (ModelException e) {
                err.println("glo-in-one models list: " + e.getMessage());
                return 2;
            }
            if (found.packages().isEmpty()) {
                err.println("glo-in-one models list: no models found; searched " + found.searched()
                        + " (use --models DIR or set " + ModelFinder.ENVIRONMENT_VARIABLE + ")");
                return 2;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "TASK", "VERSION", "UM/PX", "CLASSES", "PACKAGE"});
            for (Task task : Task.values()) {
                Path p = found.get(task).orElse(null);
                if (p == null) {
                    rows.add(new String[] {"-", task.word(), "-", "-", "-", "(none found)"});
                    continue;
                }
                try (ModelPackage pkg = ModelPackage.open(p)) {
                    ModelSpec s = pkg.spec();
                    String classes = s.classify() == null ? "-" : String.join(",", s.classify().classNames());
                    rows.add(new String[] {s.name(), task.word(), s.version() == null ? "-" : s.version(),
                        String.format(Locale.ROOT, "%.4g", s.micronsPerPixel()), classes, p.toString()});
                } catch (ModelException e) {
                    err.println("glo-in-one models list: " + e.getMessage());
                    return 2;
                }
            }
            Table.print(out, rows);
            return 0;
        }
    }

    /** {@code models check}: verify weights, load, run test inputs against test outputs. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check every model: verify the sha256 of its weights, load it, run its test inputs and "
                + "compare with its test outputs (tolerance from rdf.yaml).",
                "Exit status: 0 all passed, 1 a model failed, 2 bad input."})
    static final class CheckModels implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR",
                description = "A model package (folder or .zip) or a folder of them; without it the models that "
                        + "would be used are checked.")
        private Path dir;

        @Option(names = "--models", paramLabel = "DIR",
                description = "Folder of model packages searched first when DIR is not given "
                        + "(default: none).")
        private Path models;

        @Option(names = "--trust-model", defaultValue = "false",
                description = "Load models whose graph holds operations that touch files, processes or the "
                        + "network (default: ${DEFAULT-VALUE}).")
        private boolean trustModel;

        @Option(names = "--device", defaultValue = "cpu", paramLabel = "auto|cpu|gpu",
                description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}).")
        private String device;

        @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
                description = "TensorFlow intra-op threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
        private int threads;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PredictorOptions options;
            List<Path> packages;
            try {
                options = new PredictorOptions(Device.parse(device), threads, 0, trustModel);
                if (options.device() == Device.GPU) {
                    DeviceChooser.choose(Device.GPU); // fail once, up front, rather than once per model
                }
                packages = packagesToCheck();
            } catch (IllegalArgumentException | ModelException e) {
                err.println("glo-in-one models check: " + e.getMessage());
                return 2;
            }
            if (packages.isEmpty()) {
                err.println("glo-in-one models check: no model packages found"
                        + (dir != null ? " in " + dir : " (use DIR, --models DIR or " + ModelFinder.ENVIRONMENT_VARIABLE + ")"));
                return 2;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"MODEL", "TASK", "SHA256", "LOAD", "TEST OUTPUTS", "MAX |DIFF|", "RESULT"});
            List<String> problems = new ArrayList<>();
            for (Path p : packages) {
                ModelCheck c = ModelChecker.check(p, options);
                rows.add(new String[] {c.name(), c.task() == null ? "?" : c.task().word(),
                    c.weightsVerified() ? "ok" : "FAIL", c.loaded() ? "ok" : (c.weightsVerified() ? "FAIL" : "-"),
                    c.outputsMatching() + "/" + c.outputsCompared(),
                    String.format(Locale.ROOT, "%.3g", c.maxDifference()), c.passed() ? "PASS" : "FAIL"});
                if (!c.passed()) {
                    problems.add(c.name() + ": " + (c.problem() != null ? c.problem() : "no test outputs compared"));
                }
            }
            Table.print(out, rows);
            for (String problem : problems) {
                err.println(problem);
            }
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }

        private List<Path> packagesToCheck() throws ModelException {
            if (dir != null) {
                if (!ModelFinder.isPackage(dir) && !Files.isDirectory(dir)) {
                    throw new ModelException(dir + ": not a model package or a folder of them");
                }
                return ModelFinder.packagesIn(dir);
            }
            FoundModels found = ModelFinder.forThisProgram(models).find();
            List<Path> list = new ArrayList<>();
            for (Task t : Task.values()) {
                found.get(t).ifPresent(list::add);
            }
            return list;
        }
    }

    /** Left-aligned text columns. */
    static final class Table {
        private Table() {
        }

        static void print(PrintWriter out, List<String[]> rows) {
            int[] widths = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    b.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
                }
                out.println(b.toString().stripTrailing());
            }
            out.flush();
        }
    }
}
