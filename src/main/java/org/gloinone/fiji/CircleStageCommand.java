package org.gloinone.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import ij.gui.Roi;

import org.scijava.plugin.Parameter;

/**
 * A stage that starts from circles: from an annotation file, or from ROIs a script passes (e.g. the ROI
 * Manager's {@code getRoisAsArray()}), in the pixels of the image or slide.
 */
public abstract class CircleStageCommand extends StageCommand {

    @Parameter(persist = false, label = "Annotations file", description = "ImageScope XML or GeoJSON; empty = the ROIs",
            required = false)
    protected File annotations;

    @Parameter(persist = false, label = "ROIs", description = "ovals, rectangles or polygons around glomeruli", required = false)
    protected Roi[] circles;

    @Override
    protected Optional<Path> annotations() {
        return Optional.ofNullable(annotations).map(File::toPath);
    }

    @Override
    protected List<Roi> inputRois() {
        return circles == null ? List.of() : List.of(circles);
    }
}
