package org.gloinone.pipeline;

import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.slide.InMemorySlide;

/**
 * The generated slide and small TensorFlow networks of the pipeline tests, for the tests of other packages
 * (e.g. the Fiji front door over the real engine).
 */
public final class PipelineFixtures {
    /** The generated slide's um/px. */
    public static final double MPP = SyntheticSlide.MPP;

    private PipelineFixtures() {
    }

    /** The generated slide: six glomeruli and one grey blob on a tissue rectangle. */
    public static InMemorySlide slide() {
        return SyntheticSlide.create();
    }

    /** The drawn glomeruli and the blob: level-0 circles in the order of {@link #classNames()}. */
    public static List<Circle> circles() {
        return SyntheticSlide.DISCS.stream().map(SyntheticSlide.Disc::circleLevel0).toList();
    }

    /** The class of each drawn disc ({@code non_glomerular} for the blob). */
    public static List<String> classNames() {
        return SyntheticSlide.DISCS.stream().map(SyntheticSlide.Disc::className).toList();
    }

    /** Detector, classifier and segmenter (the caller closes their predictors). */
    public static PipelineModels models() {
        return PipelineModels.of(SyntheticModels.detector(), SyntheticModels.classifier(), SyntheticModels.segmenter());
    }
}
