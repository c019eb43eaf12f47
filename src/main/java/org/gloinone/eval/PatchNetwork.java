package org.gloinone.eval;

import java.util.List;
import java.util.Map;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;

/**
 * Runs square RGB patches through a network as one NHWC batch, preprocessed as the model's spec says, and
 * checks the shape of the output it needs.
 */
final class PatchNetwork {
    private final ModelSpec spec;
    private final Predictor predictor;

    PatchNetwork(ModelSpec spec, Predictor predictor) {
        this.spec = spec;
        this.predictor = predictor;
    }

    ModelSpec spec() {
        return spec;
    }

    /**
     * Predicts a batch of patches of equal size and returns the named output.
     *
     * @throws ModelException if the network fails or lacks the output
     */
    FloatTensor predict(List<RgbImage> patches, String output) throws ModelException {
        Map<String, FloatTensor> outputs = predictAll(patches);
        FloatTensor t = outputs.get(output);
        if (t == null) {
            throw new ModelException("model '" + spec.name() + "' gave no output '" + output + "' (it gave "
                    + outputs.keySet() + ")");
        }
        if (t.rank() < 1 || t.dim(0) != patches.size()) {
            throw new ModelException("model '" + spec.name() + "' output '" + output + "' has batch size "
                    + (t.rank() < 1 ? "none" : t.dim(0)) + ", expected " + patches.size());
        }
        return t;
    }

    /** Predicts a batch of patches of equal size and returns every output. */
    Map<String, FloatTensor> predictAll(List<RgbImage> patches) throws ModelException {
        int w = patches.get(0).width();
        int h = patches.get(0).height();
        int per = w * h * 3;
        float[] input = new float[patches.size() * per];
        for (int i = 0; i < patches.size(); i++) {
            RgbImage p = patches.get(i);
            if (p.width() != w || p.height() != h) {
                throw new IllegalArgumentException("patches of one batch must share a size");
            }
            spec.preprocessing().apply(p.argb(), input, i * per);
        }
        return predictor.predict(new FloatTensor(new long[] {patches.size(), h, w, 3}, input));
    }
}
