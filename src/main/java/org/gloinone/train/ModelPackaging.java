package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes the package of a trained model: its SavedModel and a training report. */
public final class ModelPackaging {
    private ModelPackaging() {
    }

    /** Writes {@code out/savedmodel} and {@code out/TRAINING.md}; {@code command} is the command that trained it. */
    public static void write(TrainingTask task, TrainingResult result, Path out, String command) throws IOException {
        Files.createDirectories(out);
        SavedModelExport.export(task, result.weights(), out.resolve("savedmodel"));
        StringBuilder b = new StringBuilder();
        b.append("# Training report (").append(task.task().word()).append(")\n\n");
        b.append("Command:\n\n    ").append(command).append("\n\n");
        b.append(String.format(Locale.ROOT, "Epochs %d, steps %d, final mean training loss %.4f, %d parameters.%n%n",
                result.epochs(), result.steps(), result.finalLoss(), result.parameterCount()));
        b.append("Validation (held-out slides/tiles):\n\n");
        for (Map.Entry<String, Double> e : result.metrics().entrySet()) {
            b.append(String.format(Locale.ROOT, "- %s: %.4f%n", e.getKey(), e.getValue()));
        }
        Path tmp = out.resolve("TRAINING.md.tmp");
        Files.writeString(tmp, b.toString());
        Files.move(tmp, out.resolve("TRAINING.md"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
