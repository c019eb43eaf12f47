package org.gloinone.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpecReader;
import org.gloinone.model.Predictor;
import org.gloinone.model.ViewAveragingPredictor;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/**
 * Scores classifier packages with the trainer's own validation of the default classifier recipe (crops of the
 * held-out slides, tissue windows and mined detector false positives of the held-out tiles), so that a bundled
 * package and a retrained one are compared on the same held-out examples, each run as its rdf.yaml asks (test-time
 * views). Also prints how many false positives the
 * detector yields on the training and held-out tiles, before and after repeats are counted once.
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:$(cat cp.txt)" org.gloinone.train.ClassifierValidationRun \
 *     DATA DETECTOR_PACKAGE CLASSIFIER_PACKAGE...
 * </pre>
 */
public final class ClassifierValidationRun {
    private ClassifierValidationRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ClassifierValidationRun DATA DETECTOR_PACKAGE CLASSIFIER_PACKAGE...");
            return;
        }
        TrainingData td = TrainingData.read(Path.of(args[0]), 7, 0, TrainingData.DEFAULT_VALIDATION_TILES, List.of());
        TrainedDetector detector = TrainedDetector.open(Path.of(args[1]));
        TileTrainingSet tiles = td.tiles(detector.tileFactor(), DefaultModels.tileMinArea(detector.tileFactor()));
        for (boolean heldOut : new boolean[] {false, true}) {
            List<KidneyTile> side = tiles.byIdRange(td.validationFirstTile(), td.validationLastTile(), heldOut);
            var all = DetectorFalsePositives.mine(detector, side, DefaultModels.MINING_MIN_SCORE, 0.2,
                    DefaultModels.MINING_LOOKS);
            System.out.printf("%s tiles: %d, false positives: %d hits, %d distinct%n",
                    heldOut ? "held-out" : "training", side.size(), all.size(),
                    DetectorFalsePositives.distinct(all, 0.5).size());
        }
        ClassifierTask task = DefaultModels.classifier(td, DefaultModels.CLASSIFY_SIZE, false, detector);
        System.out.println("hard negatives (distinct): " + task.hardNegativeCount());
        for (int i = 2; i < args.length; i++) {
            Path saved = Path.of(args[i]).resolve("saved_model");
            if (!Files.isRegularFile(saved.resolve("saved_model.pb"))) {
                throw new IllegalArgumentException(args[i] + ": not a model package");
            }
            int views = ModelSpecReader.read(Path.of(args[i]).resolve("rdf.yaml")).spec().classify().testTimeViews();
            try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), SavedModelBundle.DEFAULT_TAG)) {
                Predictor network = new Predictor() {
                    @Override
                    public Map<String, FloatTensor> predict(FloatTensor input) {
                        try (TFloat32 in = Tensors.floats(input.data(), input.dim(0), input.dim(1), input.dim(2), 3);
                             var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
                            TFloat32 p = (TFloat32) r.get(ClassifierTask.PROBABILITIES).orElseThrow(() ->
                                    new IllegalArgumentException(saved + ": no output " + ClassifierTask.PROBABILITIES));
                            return Map.of(ClassifierTask.PROBABILITIES, new FloatTensor(p.shape().asArray(),
                                    Tensors.toFloats(p)));
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
                Predictor asRun = ViewAveragingPredictor.wrap(network, views); // as the package's rdf.yaml asks
                Inference inference = (images, n, h, w) -> {
                    try {
                        FloatTensor out = asRun.predict(new FloatTensor(new long[] {n, h, w, 3}, images))
                                .get(ClassifierTask.PROBABILITIES);
                        return new HashMap<>(Map.of(ClassifierTask.PROBABILITIES, out.data()));
                    } catch (ModelException e) {
                        throw new IllegalStateException(e);
                    }
                };
                System.out.println(args[i] + ": test-time views " + views);
                System.out.println(args[i] + ": " + task.validate(inference));
                for (double factor : new double[] {2, 3, 4, 5}) { // the tiles are at 1 um/px
                    System.out.println(args[i] + ": " + task.coarseValidation(inference, factor));
                }
            }
        }
    }
}
