package org.gloinone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gloinone.eval.OperatingPoints;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.ModelSpecReader;
import org.gloinone.model.Task;

/**
 * The pair of thresholds that {@code evaluate detect --choose-thresholds} chose, written into the detector and
 * classifier packages that {@code --record-thresholds} names, so that {@code run} uses them by default: the
 * detector's {@code detect.score_threshold} and the classifier's {@code classify.reject_threshold}.
 */
final class RecordedThresholds {
    /** The heading of the model cards' section that says where the thresholds came from. */
    static final String CARD_SECTION = "Thresholds chosen by evaluation";

    private final Path detector;
    private final Path classifier;

    private RecordedThresholds(Path detector, Path classifier) {
        this.detector = detector;
        this.classifier = classifier;
    }

    /**
     * The detector and classifier packages of {@code folder}, checked before an evaluation spends its time.
     *
     * @throws ModelException naming the folder or package when either is missing, zipped (a zip is not rewritten)
     *                        or the classifier has no non-glomerular class to reject by
     */
    static RecordedThresholds in(Path folder) throws ModelException {
        if (!Files.isDirectory(folder)) {
            throw new ModelException("--record-thresholds " + folder + ": no such folder");
        }
        Map<Task, Path> packages = ModelFinder.packagesByTask(folder);
        for (Task task : List.of(Task.DETECT, Task.CLASSIFY)) {
            Path p = packages.get(task);
            if (p == null) {
                throw new ModelException("--record-thresholds " + folder + ": holds no " + task.word()
                        + " package");
            }
            if (!Files.isDirectory(p)) {
                throw new ModelException(p + ": a zipped package is not rewritten; unzip it to record thresholds");
            }
        }
        Path classifier = packages.get(Task.CLASSIFY);
        if (ModelSpecReader.read(classifier.resolve(ModelSpecReader.RDF_FILE)).spec().classify()
                .nonGlomerularClass() == null) {
            throw new ModelException(classifier + ": has no non-glomerular class, so no rejection threshold");
        }
        return new RecordedThresholds(packages.get(Task.DETECT), classifier);
    }

    /**
     * Writes {@code chosen} into both packages and says in their cards that {@code command} chose it on
     * {@code images} renderings of tiles.
     *
     * @return the two rdf.yaml files written
     */
    List<Path> record(OperatingPoints.Choice chosen, int images, String command) throws IOException, ModelException {
        Path detectorRdf = PackageSettings.rewrite(detector,
                s -> s.withDetect(s.detect().withScoreThreshold(chosen.scoreThreshold())));
        Path classifierRdf = PackageSettings.rewrite(classifier,
                s -> s.withClassify(s.classify().withRejectThreshold(chosen.rejectThreshold())));
        String card = String.format(Locale.ROOT, """
                `detect.score_threshold` %.2f (the detector's rdf.yaml) and `classify.reject_threshold` %.2f (the \
                classifier's) give the best F1 of reported glomeruli, %.3f (%d found, %d false, %d missed over %d \
                renderings of annotated tiles), as chosen by

                    %s
                """, chosen.scoreThreshold(), chosen.rejectThreshold(), chosen.f1(), chosen.truePositives(),
                chosen.falsePositives(), chosen.falseNegatives(), images, command);
        PackageSettings.cardSection(detector, CARD_SECTION, card);
        PackageSettings.cardSection(classifier, CARD_SECTION, card);
        return List.of(detectorRdf, classifierRdf);
    }
}
