package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.junit.jupiter.api.Test;

import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

class InstanceLabelsTest {
    private static final SlideSource SLIDE = new SlideSource.File(Path.of("kidney.svs"));

    private static int at(Img<UnsignedShortType> img, long x, long y) {
        RandomAccess<UnsignedShortType> ra = img.randomAccess();
        ra.setPosition(new long[] {x, y});
        return ra.get().get();
    }

    @Test
    void circlesBeforeSegmentationOutlinesAfter() {
        SlideResult detected = new FixedResultService().detect(SLIDE, PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        Img<UnsignedShortType> labels = InstanceLabels.of(detected, 1);
        assertEquals(1000, labels.dimension(0));
        assertEquals(800, labels.dimension(1));
        assertEquals(1, at(labels, 100, 100), "G0001's centre");
        assertEquals(1, at(labels, 146, 100), "inside G0001's circle (r 50)");
        assertEquals(0, at(labels, 152, 100), "outside it");
        assertEquals(3, at(labels, 520, 400));
        assertEquals(0, at(labels, 850, 200), "score 0.40 is below the default threshold: not a glomerulus");
        long labelled = 0;
        for (UnsignedShortType v : labels) {
            labelled += v.get() == 2 ? 1 : 0;
        }
        assertEquals(Math.PI * 30 * 30, labelled, 60, "G0002's area in pixels (r 30)");

        SlideResult segmented = new FixedResultService().allInOne(SLIDE, PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        Img<UnsignedShortType> outlines = InstanceLabels.of(segmented, 2);
        assertEquals(500, outlines.dimension(0));
        assertEquals(1, at(outlines, 50, 50));
        assertEquals(0, at(outlines, 72, 50), "x 145 is inside the circle but outside the 0.9 r outline");
    }

    @Test
    void aDownsampleBelowOneIsRefused() {
        SlideResult detected = new FixedResultService().detect(SLIDE, PipelineOptions.defaults(),
                ProgressListener.SILENT, new CancellationToken());
        assertThrows(IllegalArgumentException.class, () -> InstanceLabels.of(detected, 0.5));
    }
}
