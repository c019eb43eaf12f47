package org.gloinone.pipeline;

import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.gloinone.detect.Detection;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;
import org.gloinone.slide.InMemorySlide;
import org.junit.jupiter.api.Test;

/** A cancelled run stops at its next check, throws, and leaves no reader thread behind. */
class CancellationTest {
    private static final InMemorySlide SLIDE = SyntheticSlide.create();

    /** A detector network that finds nothing and counts its calls. */
    private static final class EmptyHeads implements Predictor {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<String, FloatTensor> predict(FloatTensor input) {
            calls.incrementAndGet();
            int n = input.dim(0);
            int cells = (input.dim(1) / 4) * (input.dim(2) / 4);
            long[] grid = {n, input.dim(1) / 4, input.dim(2) / 4};
            return Map.of("heatmap", new FloatTensor(new long[] {grid[0], grid[1], grid[2], 1}, new float[n * cells]),
                    "offset", new FloatTensor(new long[] {grid[0], grid[1], grid[2], 2}, new float[2 * n * cells]),
                    "radius", new FloatTensor(new long[] {grid[0], grid[1], grid[2], 1}, new float[n * cells]));
        }

        @Override
        public void close() {
        }
    }

    private static Pipeline detectOnly(Predictor predictor) {
        StageModel detector = new StageModel(SyntheticModels.detectorSpec(), predictor,
                new ModelInfo("detect", "empty", "1", "0".repeat(64)));
        return new Pipeline(new PipelineModels(Optional.of(detector), Optional.empty(),
                Optional.empty()), 1);
    }

    private static PipelineOptions detectOptions() {
        return PipelineOptions.builder().useTissueMask(false).stages(EnumSet.of(Task.DETECT))
                .build();
    }

    @Test
    void cancellingDuringDetectionStopsAfterTheCurrentBatch() throws Exception {
        EmptyHeads heads = new EmptyHeads();
        CancellationToken token = new CancellationToken();
        ProgressListener cancelAfterFirstTile = (f, m) -> {
            if (m.startsWith("detect: tile")) {
                token.cancel();
            }
        };
        assertThrows(CancellationException.class,
                () -> detectOnly(heads).run(SLIDE, detectOptions(), cancelAfterFirstTile, token));
        assertTrue(heads.calls.get() == 1, "stopped after one of 8 tiles, ran " + heads.calls.get());
        assertNoReaderThreadLeft();
    }

    @Test
    void aCancelledTokenStopsBeforeAnyWork() {
        EmptyHeads heads = new EmptyHeads();
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancellationException.class,
                () -> detectOnly(heads).run(SLIDE, detectOptions(), ProgressListener.SILENT, token));
        assertTrue(heads.calls.get() == 0);
    }

    @Test
    void interruptingTheCallingThreadCancels() throws Exception {
        EmptyHeads heads = new EmptyHeads();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class,
                    () -> detectOnly(heads).run(SLIDE, detectOptions(), ProgressListener.SILENT, new CancellationToken()));
        } finally {
            Thread.interrupted();
        }
        assertNoReaderThreadLeft();
    }

    @Test
    void cancellingDuringClassificationThrowsToo() {
        StageModel classifier = SyntheticModels.classifier();
        try {
            Pipeline p = new Pipeline(new PipelineModels(Optional.empty(), Optional.of(classifier),
                    Optional.empty()), 1);
            CancellationToken token = new CancellationToken();
            List<Detection> given = SyntheticSlide.DISCS.stream().map(d -> new Detection(d.circleLevel0(), 1)).toList();
            assertThrows(CancellationException.class, () -> p.runOn(SLIDE,
                    PipelineOptions.builder().stages(EnumSet.of(Task.CLASSIFY)).build(),
                    given, (f, m) -> {
                        if (m.startsWith("classify:")) {
                            token.cancel();
                        }
                    }, token));
        } finally {
            classifier.predictor().close();
        }
        assertNoReaderThreadLeft();
    }

    @Test
    void aFailingNetworkSurfacesItsErrorAndStopsTheReader() throws Exception {
        Predictor failing = new Predictor() {
            @Override
            public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
                throw new ModelException("detector.pb: out of memory on batch");
            }

            @Override
            public void close() {
            }
        };
        ModelException e = assertThrows(ModelException.class,
                () -> detectOnly(failing).run(SLIDE, detectOptions(), ProgressListener.SILENT, new CancellationToken()));
        assertTrue(e.getMessage().contains("detector.pb"));
        assertNoReaderThreadLeft();
    }

    /** The pipeline closes its prefetchers before it returns or throws, and closing one ends its thread. */
    private static void assertNoReaderThreadLeft() {
        assertFalse(readerAlive(), "the tile reader thread ended");
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("glo-in-one") && t.getName().endsWith("reader"));
    }
}
