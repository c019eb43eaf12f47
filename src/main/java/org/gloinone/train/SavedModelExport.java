package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Exports trained weights as an inference-only SavedModel: the network is rebuilt in a fresh graph in inference
 * mode (batch norm on moving statistics, no dropout, no loss, no optimizer state), loaded with the weights, and
 * saved with a {@code serving_default} signature: input {@code image} (NHWC float32 RGB, raw/255), outputs under
 * the task's names.
 */
public final class SavedModelExport {
    /** The input name of every exported model. */
    public static final String INPUT = "image";

    private SavedModelExport() {
    }

    /** Writes the SavedModel into {@code dir} (created; must not exist or be empty). */
    public static void export(TrainingTask task, Map<String, float[]> weights, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dir + ": SavedModel folder exists and is not empty");
                }
            }
            Files.delete(dir);
        }
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            Params params = new Params(tf);
            long edge = task.anyInputSize() ? -1 : task.inputSize();
            Placeholder<TFloat32> image = tf.withName(INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, edge, edge, 3)));
            Map<String, Operand<TFloat32>> out = task.network(new Layers(tf, params, false, 0), image);
            Signature.Builder sig = Signature.builder().key(Signature.DEFAULT_KEY).input(INPUT, image);
            for (String name : task.exportedOutputs()) {
                sig.output(name, tf.withName(name).identity(out.get(name)));
            }
            params.initialize(session);
            params.load(session, weights, true);
            SavedModelBundle.exporter(dir.toString()).withSession(session)
                    .withFunction(SessionFunction.create(sig.build(), session)).export();
        }
    }
}
