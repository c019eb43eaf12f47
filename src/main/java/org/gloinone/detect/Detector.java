package org.gloinone.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gloinone.model.DetectConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.ProgressListener;
import org.gloinone.slide.Slide;

/**
 * Runs the CircleNet detector over a whole slide. A reader thread reads and preprocesses the planned
 * tiles in order into a small bounded queue while this thread runs the network on batches and decodes
 * them, so reading hides behind the network and memory does not grow with the slide: at most
 * {@code 2 x batch} tiles are held, plus the circles found. Circles from all tiles are merged by a
 * slide-level circle NMS at the end.
 */
public final class Detector {
    private static final long POLL_MILLIS = 50;

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
        List<Detection> found = runTiles(slide, grid, analysed, todo, settings, progress, cancel, readNanos, predictNanos);
        List<Detection> merged = new CircleNms(settings.nmsIou()).suppress(found);
        progress.progress(1, "detect: " + merged.size() + " glomeruli in " + todo.size() + " tiles");
        return new DetectionRun(merged, grid.tiles().size(), grid.tiles().size() - todo.size(), tissueAreaMm2,
                maskNanos, readNanos.get(), predictNanos[0], System.nanoTime() - start);
    }

    private List<Detection> runTiles(Slide slide, TileGrid grid, boolean[] analysed, List<Tile> todo,
                                     DetectionSettings settings, ProgressListener progress, CancellationToken cancel,
                                     AtomicLong readNanos, long[] predictNanos) throws IOException, ModelException {
        int batch = settings.batchSize();
        int pixels = grid.tilePixels();
        int tileFloats = pixels * pixels * 3;
        BlockingQueue<PreparedTile> queue = new ArrayBlockingQueue<>(2 * batch);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glo-in-one tile reader");
            t.setDaemon(true);
            return t;
        });
        CircleDecoder decoder = new CircleDecoder(config, settings.scoreThreshold());
        List<Detection> found = new ArrayList<>();
        try {
            Future<?> reading = reader.submit(() -> readAll(slide, todo, pixels, queue, cancel, readNanos));
            List<PreparedTile> pending = new ArrayList<>(batch);
            int done = 0;
            boolean end = false;
            while (!end) {
                PreparedTile next = take(queue, cancel);
                if (next.failure() != null) {
                    throw rethrow(next.failure());
                }
                end = next.tile() == null;
                if (!end) {
                    pending.add(next);
                }
                if (pending.size() == batch || (end && !pending.isEmpty())) {
                    float[] input = new float[pending.size() * tileFloats];
                    for (int i = 0; i < pending.size(); i++) {
                        System.arraycopy(pending.get(i).input(), 0, input, i * tileFloats, tileFloats);
                    }
                    long t0 = System.nanoTime();
                    Map<String, FloatTensor> out = predictor.predict(
                            new FloatTensor(new long[] {pending.size(), pixels, pixels, 3}, input));
                    predictNanos[0] += System.nanoTime() - t0;
                    for (int i = 0; i < pending.size(); i++) {
                        Tile tile = pending.get(i).tile();
                        found.addAll(decoder.decode(out, i, tile, borders(grid, analysed, tile)));
                    }
                    done += pending.size();
                    pending.clear();
                    cancel.throwIfCancelled();
                    progress.progress((double) done / Math.max(1, todo.size()),
                            "detect: tile " + done + "/" + todo.size());
                }
            }
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("detection interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            reader.shutdownNow();
        }
        return found;
    }

    private static PreparedTile take(BlockingQueue<PreparedTile> queue, CancellationToken cancel)
            throws InterruptedException {
        while (true) {
            cancel.throwIfCancelled();
            PreparedTile t = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (t != null) {
                return t;
            }
        }
    }

    /** The reader thread: tiles in plan order, then an end marker (or the failure that stopped it). */
    private Void readAll(Slide slide, List<Tile> todo, int pixels, BlockingQueue<PreparedTile> queue,
                         CancellationToken cancel, AtomicLong readNanos) throws InterruptedException {
        try {
            for (Tile tile : todo) {
                if (cancel.isCancelled()) {
                    return null; // the consumer sees the same token and stops
                }
                long t0 = System.nanoTime();
                int[] argb = TilePixels.readArgb(slide, tile.x0(), tile.y0(), tile.size0(), pixels);
                float[] input = new float[argb.length * 3];
                TilePixels.toInput(argb, spec.preprocessing(), input, 0);
                readNanos.addAndGet(System.nanoTime() - t0);
                queue.put(new PreparedTile(tile, input, null));
            }
            queue.put(new PreparedTile(null, null, null));
        } catch (IOException | RuntimeException e) {
            queue.put(new PreparedTile(null, null, e));
        }
        return null;
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

    private static RuntimeException rethrow(Throwable t) throws IOException, ModelException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof ModelException me) {
            throw me;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("tile reader failed", t);
    }

    private record PreparedTile(Tile tile, float[] input, Exception failure) {
    }
}
