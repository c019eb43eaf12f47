package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpecReader;

/**
 * A trained detector as training uses it: its SavedModel and the pixel size it works at, so that tiles are shown
 * to it at its own resolution (a detector's false positives are mined for the classifier).
 *
 * @param savedModel      the SavedModel folder
 * @param micronsPerPixel the detector's pixel size in um/px
 */
public record TrainedDetector(Path savedModel, double micronsPerPixel) {

    /**
     * The detector of a model package (its rdf.yaml states the pixel size) or of a bare SavedModel folder (taken to
     * work at the default detector's {@link DefaultModels#DETECT_MICRONS_PER_PIXEL}).
     */
    public static TrainedDetector open(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("saved_model/saved_model.pb"))) {
            try {
                double um = ModelSpecReader.read(dir.resolve(ModelSpecReader.RDF_FILE)).spec().micronsPerPixel();
                return new TrainedDetector(dir.resolve("saved_model"), um);
            } catch (ModelException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        if (Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            return new TrainedDetector(dir, DefaultModels.DETECT_MICRONS_PER_PIXEL);
        }
        throw new IOException(dir + ": --detector is neither a model package nor a SavedModel folder");
    }

    /** How many tile pixels (at 0.5 um/px) make one of the detector's pixels. */
    int tileFactor() {
        return DefaultModels.tileFactor(micronsPerPixel);
    }
}
