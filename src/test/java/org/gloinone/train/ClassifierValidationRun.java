package org.gloinone.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/**
 * Scores classifier packages with the trainer's own validation of the default classifier recipe (crops of the
 * held-out slides, tissue windows and mined detector false positives of the held-out tiles), so that a bundled
 * package and a retrained one are compared on the same held-out examples. Also prints how many false positives the
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
            try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), SavedModelBundle.DEFAULT_TAG)) {
                Inference inference = (images, n, h, w) -> {
                    Map<String, float[]> out = new HashMap<>();
                    try (TFloat32 in = Tensors.floats(images, n, h, w, 3);
                         var r = b.call(Map.of(SavedModelExport.INPUT, in))) {
                        out.put(ClassifierTask.PROBABILITIES, Tensors.toFloats((TFloat32) r.get(
                                ClassifierTask.PROBABILITIES).orElseThrow(() -> new IllegalArgumentException(
                                        saved + ": no output " + ClassifierTask.PROBABILITIES))));
                    }
                    return out;
                };
                System.out.println(args[i] + ": " + task.validate(inference));
                for (double factor : new double[] {2, 3, 4, 5}) { // the tiles are at 1 um/px
                    System.out.println(args[i] + ": " + task.coarseValidation(inference, factor));
                }
            }
        }
    }
}
