package org.gloinone.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gloinone.io.AnnotationRegion;

/**
 * A whole-slide image with a pathologist's annotations (read from ImageScope XML, GeoJSON or an ROI set): the
 * "human in the loop" training data. Each region with an area is a glomerulus, labelled by its layer (class)
 * name: a sclerosis word makes it sclerosed, a non-glomerular word leaves it out, anything else (e.g. "normal",
 * "nonGS") is normal.
 *
 * @param slide   the slide file
 * @param regions the annotated regions in level-0 pixels
 */
public record AnnotatedSlide(Path slide, List<AnnotationRegion> regions) {
    private static final Set<String> NON_GLOMERULAR_WORDS = Set.of("non-glomerular", "non glomerular",
            "nonglomerular", "not a glomerulus", "false positive", "artifact", "artefact");
    private static final Set<String> SCLEROSED_WORDS = Set.of("sclerosed", "gs", "ggs", "o-ggs", "s-ggs", "d-ggs",
            "obsolescent", "solidified", "disappearing", "globally sclerosed", "globally sclerotic");

    public AnnotatedSlide {
        regions = List.copyOf(regions);
    }

    /** The regions that stand for glomeruli: with an area, not cut out, not labelled non-glomerular. */
    public List<AnnotationRegion> glomeruli() {
        return regions.stream().filter(r -> !r.negative() && r.shape().hasArea() && r.toCircle().isPresent())
                .filter(r -> !NON_GLOMERULAR_WORDS.contains(label(r))).toList();
    }

    /** True when the region's class names global sclerosis (e.g. sclerosed, GS, O-GGS). */
    public static boolean sclerosed(AnnotationRegion region) {
        return SCLEROSED_WORDS.contains(label(region));
    }

    private static String label(AnnotationRegion region) {
        return region.layer().strip().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
