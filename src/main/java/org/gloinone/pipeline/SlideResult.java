package org.gloinone.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gloinone.stain.StainNormalisation;

/**
 * The immutable result of running the pipeline on one slide. Front doors and writers read it;
 * nothing changes it.
 *
 * @param slide            the slide it came from
 * @param options          the options used
 * @param models           the models used, with their sha256
 * @param classNames       glomerulus classes in report order (without the non-glomerular class);
 *                         {@code [glomerulus]} when classification did not run
 * @param sclerosedClasses the classes that count as globally sclerosed
 * @param glomeruli        the accepted glomeruli, by id
 * @param rejected         detections the classifier called non-glomerular, with their probabilities
 * @param tissueAreaMm2    tissue area in mm^2 (the whole slide when the tissue mask is off); NaN when um/px is unknown
 * @param tilesPlanned     detector tiles planned over the slide
 * @param tilesSkipped     tiles skipped for having too little tissue
 * @param timings          wall time per stage
 * @param displayColors    colours (0xRRGGBB) the classifier's spec gives its classes; empty when none
 * @param stain            the factors the detector restained the slide by ({@link StainNormalisation#NONE} when it
 *                         did not, or when the circles were given)
 */
public record SlideResult(SlideInfo slide, PipelineOptions options, List<ModelInfo> models,
                          List<String> classNames, Set<String> sclerosedClasses,
                          List<GlomerulusResult> glomeruli, List<GlomerulusResult> rejected,
                          double tissueAreaMm2, int tilesPlanned, int tilesSkipped, StageTimings timings,
                          Map<String, Integer> displayColors, StainNormalisation stain) {
    public SlideResult {
        Objects.requireNonNull(slide, "slide");
        Objects.requireNonNull(stain, "stain");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timings, "timings");
        models = List.copyOf(models);
        classNames = List.copyOf(classNames);
        sclerosedClasses = Set.copyOf(sclerosedClasses);
        glomeruli = List.copyOf(glomeruli);
        rejected = List.copyOf(rejected);
        displayColors = Map.copyOf(displayColors);
    }

    /** A result of a slide read as scanned. */
    public SlideResult(SlideInfo slide, PipelineOptions options, List<ModelInfo> models, List<String> classNames,
                       Set<String> sclerosedClasses, List<GlomerulusResult> glomeruli, List<GlomerulusResult> rejected,
                       double tissueAreaMm2, int tilesPlanned, int tilesSkipped, StageTimings timings,
                       Map<String, Integer> displayColors) {
        this(slide, options, models, classNames, sclerosedClasses, glomeruli, rejected, tissueAreaMm2, tilesPlanned,
                tilesSkipped, timings, displayColors, StainNormalisation.NONE);
    }

    /** A result whose classes take the colour rule alone (no display colours from a spec). */
    public SlideResult(SlideInfo slide, PipelineOptions options, List<ModelInfo> models, List<String> classNames,
                       Set<String> sclerosedClasses, List<GlomerulusResult> glomeruli, List<GlomerulusResult> rejected,
                       double tissueAreaMm2, int tilesPlanned, int tilesSkipped, StageTimings timings) {
        this(slide, options, models, classNames, sclerosedClasses, glomeruli, rejected, tissueAreaMm2, tilesPlanned,
                tilesSkipped, timings, Map.of());
    }

    /** Number of glomeruli per class, in {@link #classNames()} order, zeros included. */
    public Map<String, Integer> countsByClass() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        for (GlomerulusResult g : glomeruli) {
            counts.merge(g.className(), 1, Integer::sum);
        }
        return counts;
    }

    /** Number of globally sclerosed glomeruli. */
    public int sclerosedCount() {
        return (int) glomeruli.stream().filter(g -> sclerosedClasses.contains(g.className())).count();
    }

    /** Globally sclerosed glomeruli as a percentage of all glomeruli; NaN when there are none. */
    public double percentSclerosed() {
        return glomeruli.isEmpty() ? Double.NaN : 100.0 * sclerosedCount() / glomeruli.size();
    }

    /** The circle of a glomerulus in micrometres; empty when the slide's um/px is unknown. */
    public Optional<CircleMicrons> circleMicrons(GlomerulusResult glomerulus) {
        return slide.micronsPerPixel().isPresent()
                ? Optional.of(CircleMicrons.of(glomerulus.detection().circle(), slide.micronsPerPixel().getAsDouble()))
                : Optional.empty();
    }

    /** Glomeruli per mm^2 of tissue; NaN when the tissue area is unknown or zero. */
    public double glomeruliPerMm2() {
        return tissueAreaMm2 > 0 ? glomeruli.size() / tissueAreaMm2 : Double.NaN;
    }
}
