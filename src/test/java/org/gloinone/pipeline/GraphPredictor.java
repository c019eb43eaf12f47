package org.gloinone.pipeline;

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
import org.tensorflow.types.TFloat32;

/** Runs a TensorFlow graph built in a test: input op {@code image}, outputs by op name. */
final class GraphPredictor implements Predictor {
    private final Graph graph;
    private final Session session;
    private final List<String> outputs;
    private int calls;

    GraphPredictor(Graph graph, List<String> outputs) {
        this.graph = graph;
        this.session = new Session(graph);
        this.outputs = List.copyOf(outputs);
    }

    /** Number of batches run so far. */
    int calls() {
        return calls;
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
        calls++;
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(input.shape()), DataBuffers.of(input.data(), true, false))) {
            Session.Runner runner = session.runner().feed("image", in);
            outputs.forEach(runner::fetch);
            try (Result result = runner.run()) {
                Map<String, FloatTensor> out = new LinkedHashMap<>();
                for (int i = 0; i < outputs.size(); i++) {
                    Tensor t = result.get(i);
                    float[] data = new float[(int) t.shape().size()];
                    ((TFloat32) t).copyTo(DataBuffers.of(data, false, false));
                    out.put(outputs.get(i), new FloatTensor(t.shape().asArray(), data));
                }
                return out;
            }
        } catch (RuntimeException e) {
            throw new ModelException("test graph failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
