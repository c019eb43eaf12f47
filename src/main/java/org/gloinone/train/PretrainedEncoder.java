package org.gloinone.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.gloinone.io.AtomicFiles;

/**
 * A pretrained-encoder package: the weights and batch-norm statistics of a classifier backbone after SimSiam
 * ({@code encoder.bin}, in the {@link Params#write} format), what it is ({@code encoder.properties}: backbone
 * widths, view size, epochs, last loss and collapse check) and a short {@code README.md}. {@code glo-in-one train
 * classify --init PACKAGE} starts from it.
 *
 * @param weights    encoder variables by name
 * @param widths     backbone widths the weights belong to
 * @param size       view edge the encoder was pretrained at
 * @param properties everything {@code encoder.properties} holds
 */
public record PretrainedEncoder(Map<String, float[]> weights, int[] widths, int size, Properties properties) {
    /** Weights file of the package. */
    public static final String WEIGHTS = "encoder.bin";
    /** Description file of the package. */
    public static final String DESCRIPTION = "encoder.properties";
    private static final String FORMAT = "glo-in-one-pretrained-encoder/1";

    public PretrainedEncoder {
        weights = Map.copyOf(weights);
        widths = widths.clone();
    }

    /** The encoder part of SimSiam's trained variables. */
    public static Map<String, float[]> encoderOf(Map<String, float[]> simSiamWeights) {
        Map<String, float[]> out = new LinkedHashMap<>();
        simSiamWeights.forEach((k, v) -> {
            if (SimSiam.isEncoderVariable(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Writes the package folder {@code dir} (replacing one that is there): into a sibling folder first, renamed
     * when complete.
     *
     * @param result  the SimSiam training result
     * @param net     the network it trained
     * @param size    view edge in pixels
     * @param spread  the last collapse check (normalised outputs' per-dimension std)
     * @param command the command that pretrained it
     */
    public static void write(Path dir, TrainingResult result, SimSiam net, int size, double spread, String command)
            throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
        try {
            Params.write(encoderOf(result.weights()), work.resolve(WEIGHTS));
            Properties p = new Properties();
            p.setProperty("format", FORMAT);
            p.setProperty("method", "SimSiam");
            p.setProperty("backbone_widths", widthsText(net.backbone().widths()));
            p.setProperty("view_size", Integer.toString(size));
            p.setProperty("projection_dim", Integer.toString(net.projectionDim()));
            p.setProperty("predictor_hidden", Integer.toString(net.predictorHidden()));
            p.setProperty("epochs", Integer.toString(result.epochs()));
            p.setProperty("steps", Integer.toString(result.steps()));
            p.setProperty("last_epoch_loss", String.format(Locale.ROOT, "%.5f", result.finalLoss()));
            p.setProperty("z_std", String.format(Locale.ROOT, "%.5f", spread));
            p.setProperty("z_std_healthy", String.format(Locale.ROOT, "%.5f", 1 / Math.sqrt(net.projectionDim())));
            p.setProperty("command", command);
            try (var out = Files.newOutputStream(work.resolve(DESCRIPTION))) {
                p.store(out, "pretrained encoder");
            }
            AtomicFiles.writeString(work.resolve("README.md"), readme(p));
            ModelPackaging.deleteTree(dir);
            Files.move(work, dir);
        } finally {
            ModelPackaging.deleteTree(work);
        }
    }

    private static String readme(Properties p) {
        return "# Pretrained glomerulus encoder (SimSiam)\n\n"
                + "The backbone of the Glo-In-One classifier (residual network, widths "
                + p.getProperty("backbone_widths") + ") pretrained without labels with SimSiam on "
                + p.getProperty("view_size") + " px views of glomerulus crops and tile windows, "
                + p.getProperty("epochs") + " epochs (" + p.getProperty("steps") + " steps), last loss "
                + p.getProperty("last_epoch_loss") + " (minimum -1), normalised output std "
                + p.getProperty("z_std") + " (healthy about " + p.getProperty("z_std_healthy") + ").\n\n"
                + "Fine-tune it with `glo-in-one train classify --init FOLDER ...`.\n\n"
                + "Pretrained with:\n\n```\n" + p.getProperty("command") + "\n```\n\n"
                + "Licence: CC-BY-NC-SA-4.0, inherited from the training crops.\n";
    }

    /**
     * Reads the package folder {@code dir} and checks that it fits {@code backbone}.
     *
     * @throws IOException naming the folder when it is not such a package or was pretrained for other widths
     */
    public static PretrainedEncoder read(Path dir, ResNetClassifier backbone) throws IOException {
        Path desc = dir.resolve(DESCRIPTION);
        Path bin = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(desc) || !Files.isRegularFile(bin)) {
            throw new IOException(dir + ": not a pretrained-encoder package (no " + DESCRIPTION + " and "
                    + WEIGHTS + ")");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(desc)) {
            p.load(in);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(desc + ": format is '" + p.getProperty("format") + "', expected " + FORMAT);
        }
        int[] widths;
        int size;
        try {
            widths = Arrays.stream(p.getProperty("backbone_widths", "").split(","))
                    .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            size = Integer.parseInt(p.getProperty("view_size", "").trim());
        } catch (NumberFormatException e) {
            throw new IOException(desc + ": bad backbone_widths or view_size");
        }
        if (!Arrays.equals(widths, backbone.widths())) {
            throw new IOException(dir + ": encoder was pretrained for backbone widths " + widthsText(widths)
                    + ", the classifier has " + widthsText(backbone.widths()));
        }
        return new PretrainedEncoder(Params.read(bin), widths, size, p);
    }

    private static String widthsText(int[] widths) {
        return String.join(",", Arrays.stream(widths).mapToObj(Integer::toString).toList());
    }
}
