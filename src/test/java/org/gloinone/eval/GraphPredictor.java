package org.gloinone.eval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A predictor over a TensorFlow graph built in a test: feeds the input placeholder, fetches named outputs. */
final class GraphPredictor implements Predictor {
    private final Graph graph;
    private final Session session;
    private final Operand<TFloat32> input;
    private final Map<String, Operand<TFloat32>> outputs;

    GraphPredictor(Graph graph, Operand<TFloat32> input, Map<String, Operand<TFloat32>> outputs) {
        this.graph = graph;
        this.session = new Session(graph);
        this.input = input;
        this.outputs = new LinkedHashMap<>(outputs);
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor in) throws ModelException {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(in.shape()), DataBuffers.of(in.data(), true, false))) {
            Session.Runner runner = session.runner().feed(input, t);
            outputs.values().forEach(runner::fetch);
            try (Result r = runner.run()) {
                int i = 0;
                for (String name : outputs.keySet()) {
                    TFloat32 o = (TFloat32) r.get(i++);
                    float[] data = new float[Math.toIntExact(o.shape().size())];
                    o.copyTo(DataBuffers.of(data, false, false));
                    out.put(name, new FloatTensor(o.shape().asArray(), data));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
