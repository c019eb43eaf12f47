package org.gloinone.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.slide.Slide;
import org.gloinone.stain.RestainedSlide;
import org.gloinone.stain.StainDensities;
import org.gloinone.stain.StainNormalisation;

/**
 * Runs the CircleNet detector over a whole slide. A reader thread reads and preprocesses the planned
 * tiles in order into a small bounded queue while this thread runs the network on batches and decodes
 * them, so reading hides behind the network and memory does not grow with the slide: at most
 * {@code 2 x batch} tiles are held, plus the circles found. Circles from all tiles are merged by a
 * slide-level circle NMS at the end.
 */
public final class Detector {
    /** Name of the thread that reads tiles ahead of the network. */
    public static final String READER_THREAD = "glo-in-one tile reader";

    private final ModelSpec spec;
    private final DetectConfig config;
    private final Predictor predictor;

    /**
     * @param spec      the detector's spec (task detect)
     * @param predictor the network; used by one thread at a time, not closed here
     */
    public Detector(ModelSpec spec, Predictor predictor) {
        if (spec.task() != Task.DETECT) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a detector");
        }
        this.spec = spec;
        this.config = spec.detect();
        this.predictor = predictor;
    }

    /**
     * Detects glomeruli on a slide.
     *
     * @throws IOException           if the slide cannot be read, or does not know its um/px
     * @throws ModelException        if the network fails or its outputs do not fit the spec
     * @throws CancellationException if cancelled through the token or by interrupting this thread
     */
    public DetectionRun detect(Slide slide, DetectionSettings settings, ProgressListener progress,
                               CancellationToken cancel) throws IOException, ModelException {
        long start = System.nanoTime();
        double mpp = slide.requireMicronsPerPixel();
        long width0 = slide.levels().get(0).width();
        long height0 = slide.levels().get(0).height();
        TileGrid grid = TileGrid.plan(width0, height0, mpp, spec.micronsPerPixel(), config);
        cancel.throwIfCancelled();

        long maskStart = System.nanoTime();
        boolean[] analysed = new boolean[grid.tiles().size()];
        double tissueAreaMm2;
        if (settings.useTissueMask()) {
            progress.progress(0, "detect: tissue mask");
            TissueMask mask = TissueMask.of(slide);
            for (Tile t : grid.tiles()) {
                analysed[t.index()] = mask.tissueFraction(t) >= settings.minTissueFraction();
            }
            tissueAreaMm2 = mask.tissueAreaMm2(mpp);
        } else {
            Arrays.fill(analysed, true);
            tissueAreaMm2 = width0 * (double) height0 * mpp * mpp / 1e6;
        }
        long maskNanos = System.nanoTime() - maskStart;
        List<Tile> todo = new ArrayList<>();
        for (Tile t : grid.tiles()) {
            if (analysed[t.index()]) {
                todo.add(t);
            }
        }
        cancel.throwIfCancelled();

        AtomicLong readNanos = new AtomicLong();
        long[] predictNanos = new long[1];
        StainNormalisation stain = stainFactors(slide, progress);
        List<Detection> found = runTiles(RestainedSlide.of(slide, stain), grid, analysed, todo, settings, progress,
                cancel, readNanos, predictNanos);
        List<Detection> merged = new CircleNms(settings.nmsIou()).suppress(found);
        progress.progress(1, "detect: " + merged.size() + " glomeruli in " + todo.size() + " tiles");
        return new DetectionRun(merged, grid.tiles().size(), grid.tiles().size() - todo.size(), tissueAreaMm2,
                maskNanos, readNanos.get(), predictNanos[0], System.nanoTime() - start, stain);
    }

    /**
     * The factors that restain the slide to the stain of the detector's training slides, when its package records
     * that stain (another lab's darker or more magenta sections otherwise look like tubule clusters to it).
     */
    private StainNormalisation stainFactors(Slide slide, ProgressListener progress) throws IOException {
        Optional<StainDensities> reference = config.stainReference();
        if (reference.isEmpty()) {
            return StainNormalisation.NONE;
        }
        StainNormalisation factors = StainDensities.restainingFactors(slide, reference.get());
        progress.progress(0, "detect: stain " + factors.describe() + " to the detector's training stain");
        return factors;
    }

    private List<Detection> runTiles(Slide slide, TileGrid grid, boolean[] analysed, List<Tile> todo,
                                     DetectionSettings settings, ProgressListener progress, CancellationToken cancel,
                                     AtomicLong readNanos, long[] predictNanos) throws IOException, ModelException {
        int batch = settings.batchSize();
        int pixels = grid.tilePixels();
        int tileFloats = pixels * pixels * 3;
        CircleDecoder decoder = new CircleDecoder(config, settings.scoreThreshold(), spec.micronsPerPixel());
        List<Detection> found = new ArrayList<>();
        try (Prefetcher<Tile> tiles = new Prefetcher<>(todo, tile -> readInput(slide, tile, pixels), 2 * batch,
                cancel, READER_THREAD)) {
            int done = 0;
            for (List<Prefetcher.Prepared<Tile>> next = tiles.nextBatch(batch); !next.isEmpty();
                 next = tiles.nextBatch(batch)) {
                float[] input = new float[next.size() * tileFloats];
                for (int i = 0; i < next.size(); i++) {
                    System.arraycopy(next.get(i).input(), 0, input, i * tileFloats, tileFloats);
                }
                long t0 = System.nanoTime();
                Map<String, FloatTensor> out = predictor.predict(
                        new FloatTensor(new long[] {next.size(), pixels, pixels, 3}, input));
                predictNanos[0] += System.nanoTime() - t0;
                for (int i = 0; i < next.size(); i++) {
                    Tile tile = next.get(i).item();
                    found.addAll(decoder.decode(out, i, tile, borders(grid, analysed, tile)));
                }
                done += next.size();
                cancel.throwIfCancelled();
                progress.progress((double) done / Math.max(1, todo.size()), "detect: tile " + done + "/" + todo.size());
            }
            readNanos.set(tiles.readNanos());
        }
        return found;
    }

    private float[] readInput(Slide slide, Tile tile, int pixels) throws IOException {
        int[] argb = TilePixels.readArgb(slide, tile.x0(), tile.y0(), tile.size0(), pixels);
        float[] input = new float[argb.length * 3];
        TilePixels.toInput(argb, spec.preprocessing(), input, 0);
        return input;
    }

    /** The analysed neighbours of a tile, for CircleNet's border filter. */
    static TileBorders borders(TileGrid grid, boolean[] analysed, Tile t) {
        int c = t.column();
        int r = t.row();
        return new TileBorders(
                c > 0 && analysed[grid.tileAt(c - 1, r).index()],
                r > 0 && analysed[grid.tileAt(c, r - 1).index()],
                c < grid.columns() - 1 && analysed[grid.tileAt(c + 1, r).index()],
                r < grid.rows() - 1 && analysed[grid.tileAt(c, r + 1).index()],
                grid.overlapPixels());
    }

}
