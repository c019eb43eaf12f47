package org.gloinone.pipeline.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Runs an in-memory TensorFlow graph whose input op is {@code image} and whose outputs are ops named
 * as the model spec says. Owns the graph and closes it.
 */
public final class SessionPredictor implements Predictor {
    private final Graph graph;
    private final Session session;
    private final List<String> outputs;

    /**
     * @param graph   the graph, owned from now on
     * @param outputs output op names
     * @param threads TensorFlow intra- and inter-op threads
     */
    public SessionPredictor(Graph graph, List<String> outputs, int threads) {
        this.graph = graph;
        this.session = new Session(graph, ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(Math.min(2, threads)).build());
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(input.shape()), DataBuffers.of(input.data(), true, false))) {
            Session.Runner runner = session.runner().feed("image", in);
            outputs.forEach(runner::fetch);
            try (Result result = runner.run()) {
                Map<String, FloatTensor> out = new LinkedHashMap<>();
                for (int i = 0; i < outputs.size(); i++) {
                    Tensor t = result.get(i);
                    float[] data = new float[Math.toIntExact(t.shape().size())];
                    ((TFloat32) t).copyTo(DataBuffers.of(data, false, false));
                    out.put(outputs.get(i), new FloatTensor(t.shape().asArray(), data));
                }
                return out;
            }
        } catch (RuntimeException e) {
            throw new ModelException("the network failed on a batch of shape "
                    + Arrays.toString(input.shape()) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
