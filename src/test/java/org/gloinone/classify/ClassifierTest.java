package org.gloinone.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.detect.Circle;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.CoarseSlideCorrection;
import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Preprocessing;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.slide.InMemorySlide;
import org.junit.jupiter.api.Test;

/** The classifier stage around a hand-made network: batching, order, argmax and output checks. */
class ClassifierTest {
    private static final List<String> CLASSES = List.of("normal", "sclerosed", "non_glomerular");

    private static ModelSpec spec() {
        return new ModelSpec("hand-made", "1", Task.CLASSIFY, 0.5, "image", Preprocessing.unitRange(), null,
                new ClassifyConfig("probabilities", CLASSES, "non_glomerular", Set.of("sclerosed"), 12.5, 8), null);
    }

    /** Probabilities from the mean red of each patch: red patches sclerosed, dark ones non-glomerular. */
    private static final class RedMeter implements Predictor {
        final List<Integer> batchSizes = new ArrayList<>();
        int classes = 3;

        @Override
        public Map<String, FloatTensor> predict(FloatTensor input) {
            int n = input.dim(0);
            batchSizes.add(n);
            int perPatch = input.dim(1) * input.dim(2) * 3;
            float[] p = new float[n * classes];
            for (int i = 0; i < n; i++) {
                double red = 0;
                double all = 0;
                for (int k = 0; k < perPatch; k += 3) {
                    red += input.data()[i * perPatch + k];
                    all += input.data()[i * perPatch + k] + input.data()[i * perPatch + k + 1] + input.data()[i * perPatch + k + 2];
                }
                red /= perPatch / 3.0;
                all /= perPatch;
                if (all < 0.2) {
                    p[i * classes + 2] = 1;
                } else if (red > 0.8) {
                    p[i * classes + 1] = 0.9f;
                    p[i * classes] = 0.1f;
                } else {
                    p[i * classes] = 0.5f; // an exact tie: the first class wins
                    p[i * classes + 1] = 0.5f;
                }
            }
            return Map.of("probabilities", new FloatTensor(new long[] {n, classes}, p));
        }

        @Override
        public void close() {
        }
    }

    private static InMemorySlide slide() {
        int w = 300;
        int h = 100;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = x < 100 ? 0xffa0a0a0 : x < 200 ? 0xffff2020 : 0xff101010;
            }
        }
        return new InMemorySlide(px, w, h, OptionalDouble.of(0.5));
    }

    /** The same probabilities for every patch. */
    private static final class Constant implements Predictor {
        private final float[] probabilities;

        Constant(float normal, float sclerosed, float nonGlomerular) {
            this.probabilities = new float[] {normal, sclerosed, nonGlomerular};
        }

        @Override
        public Map<String, FloatTensor> predict(FloatTensor input) {
            int n = input.dim(0);
            float[] p = new float[n * 3];
            for (int i = 0; i < n; i++) {
                System.arraycopy(probabilities, 0, p, i * 3, 3);
            }
            return Map.of("probabilities", new FloatTensor(new long[] {n, 3}, p));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aRejectionThresholdDecidesWhatIsNotAGlomerulus() throws IOException, ModelException {
        List<Circle> one = List.of(new Circle(50, 50, 20));
        for (double threshold : new double[] {Double.NaN, 0.5, 0.6}) {
            ModelSpec spec = new ModelSpec("hand-made", "1", Task.CLASSIFY, 0.5, "image", Preprocessing.unitRange(),
                    null, new ClassifyConfig("probabilities", CLASSES, "non_glomerular", Set.of("sclerosed"), 12.5, 8,
                    threshold), null);
            Classifier classifier = new Classifier(spec, new Constant(0.3f, 0.2f, 0.5f), 1);
            Classification c = classifier.classify(slide(), one, ProgressListener.SILENT, new CancellationToken()).get(0);
            // Without a threshold the likeliest class (0.5) rejects; at 0.5 it reaches the threshold; at 0.6 it
            // does not, and the likeliest glomerular class (normal, 0.3) is taken.
            assertEquals(threshold == 0.6 ? "normal" : "non_glomerular", c.className(), "threshold " + threshold);
            assertEquals(threshold == 0.6, classifier.isGlomerulus(c));
        }
        assertThrows(IllegalArgumentException.class, () -> new ClassifyConfig("probabilities", CLASSES, null,
                Set.of("sclerosed"), 12.5, 8, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ClassifyConfig("probabilities", CLASSES,
                "non_glomerular", Set.of("sclerosed"), 12.5, 8, 1.5));
    }

    @Test
    void theSlidesPixelSizeDecidesTheCoarseSlideCorrection() throws IOException, ModelException {
        ModelSpec spec = new ModelSpec("hand-made", "1", Task.CLASSIFY, 0.5, "image", Preprocessing.unitRange(), null,
                new ClassifyConfig("probabilities", CLASSES, "non_glomerular", Set.of("sclerosed"), 12.5, 8,
                        Double.NaN, Map.of(), new CoarseSlideCorrection(2.5, 0.3)), null);
        // log(0.6 / 0.3) = 0.69: beaten by the margin at 5 um/px (0.75), not at 4 um/px (0.45)
        Predictor leansSclerosed = new Constant(0.3f, 0.6f, 0.1f);
        Classifier classifier = new Classifier(spec, leansSclerosed, 4);
        List<Circle> one = List.of(new Circle(10, 10, 4));
        int[] px = new int[40 * 40];
        java.util.Arrays.fill(px, 0xffa0a0a0);
        for (double mpp : new double[] {0.5, 4, 5}) {
            Classification c = classifier.classify(new InMemorySlide(px, 40, 40, OptionalDouble.of(mpp)), one,
                    ProgressListener.SILENT, new CancellationToken()).get(0);
            assertEquals(mpp == 5 ? "normal" : "sclerosed", c.className(), mpp + " um/px");
            assertEquals(0.6, c.probabilities().get(1), 1e-6, "the probabilities are the network's");
        }
    }

    @Test
    void classifiesEachCircleInOrderAcrossBatches() throws IOException, ModelException {
        RedMeter net = new RedMeter();
        Classifier classifier = new Classifier(spec(), net, 2);
        List<Circle> circles = List.of(new Circle(150, 50, 20), new Circle(50, 50, 20), new Circle(250, 50, 20),
                new Circle(150, 50, 10), new Circle(40, 40, 10));
        List<Classification> result = classifier.classify(slide(), circles, ProgressListener.SILENT, new CancellationToken());
        assertEquals(List.of("sclerosed", "normal", "non_glomerular", "sclerosed", "normal"),
                result.stream().map(Classification::className).toList());
        assertEquals(List.of(2, 2, 1), net.batchSizes);
        assertEquals(0.9, result.get(0).probabilityOf("sclerosed"), 1e-6);
        assertTrue(classifier.isGlomerulus(result.get(0)));
        assertFalse(classifier.isGlomerulus(result.get(2)));
    }

    @Test
    void anOutputOfTheWrongWidthIsReportedWithItsShape() {
        RedMeter net = new RedMeter();
        net.classes = 2;
        Classifier classifier = new Classifier(spec(), net, 4);
        ModelException e = assertThrows(ModelException.class, () -> classifier.classify(slide(),
                List.of(new Circle(50, 50, 20)), ProgressListener.SILENT, new CancellationToken()));
        assertTrue(e.getMessage().contains("[1, 3]") && e.getMessage().contains("[1, 2]"), e.getMessage());
    }

    @Test
    void aDetectorSpecIsRefused() {
        ModelSpec detector = new ModelSpec("d", "1", Task.DETECT, 1, "image", Preprocessing.unitRange(),
                new DetectConfig("h", "o", "r", true, 4, false, 10, 0.3, 0.35, 512, 300), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Classifier(detector, new RedMeter(), 1));
        assertTrue(e.getMessage().contains("not a classifier"));
    }
}
