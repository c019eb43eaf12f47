package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.ModelSpecReader;

/**
 * A trained detector as training uses it: its SavedModel and the pixel size it works at, so that tiles are shown
 * to it at its own resolution (a detector's false positives are mined for the classifier).
 *
 * @param savedModel      the SavedModel folder
 * @param micronsPerPixel the detector's pixel size in um/px
 * @param radiusScale     the package's {@code detect.radius_scale} (1 for a bare SavedModel), so that mined circles
 *                        have the radii a run gives them
 */
public record TrainedDetector(Path savedModel, double micronsPerPixel, double radiusScale) {

    /** A detector whose radius head gives the circle's radius as it is. */
    public TrainedDetector(Path savedModel, double micronsPerPixel) {
        this(savedModel, micronsPerPixel, 1);
    }

    /**
     * The detector of a model package (its rdf.yaml states the pixel size) or of a bare SavedModel folder (taken to
     * work at the default detector's {@link DefaultModels#DETECT_MICRONS_PER_PIXEL}).
     */
    public static TrainedDetector open(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("saved_model/saved_model.pb"))) {
            try {
                ModelSpec spec = ModelSpecReader.read(dir.resolve(ModelSpecReader.RDF_FILE)).spec();
                return new TrainedDetector(dir.resolve("saved_model"), spec.micronsPerPixel(),
                        spec.detect() == null ? 1 : spec.detect().radiusScale());
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
