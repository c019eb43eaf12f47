package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.PipelineOptions;

class ImageJProgressTest {

    @Test
    void escapeCancelsTheRunningJob() {
        CancellationToken cancel = new CancellationToken();
        AtomicBoolean escape = new AtomicBoolean();
        List<String> shown = new ArrayList<>();
        ImageJProgress progress = new ImageJProgress(cancel, escape::get, (f, m) -> shown.add(m));
        progress.progress(0.1, "detect: tile 1/10");
        assertFalse(cancel.isCancelled());
        escape.set(true);
        progress.progress(0.2, "detect: tile 2/10");
        assertTrue(cancel.isCancelled());
        assertEquals(List.of("detect: tile 1/10", "detect: tile 2/10"), shown);
    }

    @Test
    void aPipelineReportingProgressStopsAtEscape() {
        CancellationToken cancel = new CancellationToken();
        int[] calls = {0};
        ImageJProgress progress = new ImageJProgress(cancel, () -> calls[0] >= 2, (f, m) -> calls[0]++);
        assertThrows(CancellationException.class, () -> new FixedResultService().detect(
                new SlideSource.File(java.nio.file.Path.of("x.svs")), PipelineOptions.defaults(), progress, cancel));
        assertEquals(3, calls[0], "the third tile's report sees Esc and the job stops before its work");
    }
}
