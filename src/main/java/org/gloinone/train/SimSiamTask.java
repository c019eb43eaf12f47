package org.gloinone.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gloinone.detect.Circle;
import org.gloinone.model.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * SimSiam pretraining of the classifier's encoder on unlabelled images of the training side: the glomerulus crops
 * with their labels ignored, and glomerulus-sized windows of the training tiles (windows around the tiles'
 * glomeruli, as a detector would cut them, and random tissue windows). A batch of n images holds 2n rows: the
 * first views, then the second views. Its "validation" is the collapse check: the spread of the normalised
 * training-mode projections of a fixed watch set of plain views (see {@link CollapseWatch}).
 */
public final class SimSiamTask implements TrainingTask {
    /** Share of the samples taken from the crops; the rest are tile windows. */
    static final double CROP_SHARE = 0.6;
    /** Share of the tile windows centred on a tile's glomerulus; the rest are random tissue windows. */
    static final double GLOMERULUS_WINDOW_SHARE = 0.3;
    // random window sides in tile pixels at 1 um/px: a glomerulus (100-250 um) with some context
    private static final double MIN_WINDOW = 110;
    private static final double MAX_WINDOW = 320;
    private static final int WATCH_SET = 64;

    private final List<SimSiamViews.Region> crops;
    private final List<KidneyTile> tiles;
    private final List<SimSiamViews.Region> tileGlomeruli;
    private final int size;
    private final SimSiam net;
    private final SimSiamViews views;
    private final List<SimSiamViews.Region> watchSet;

    /**
     * @param crops training crops (labels unused)
     * @param tiles training tiles at 1 um/px
     * @param size  view edge in pixels
     * @param net   the network
     * @param views the view augmentation
     */
    public SimSiamTask(List<GlomerulusCrop> crops, List<KidneyTile> tiles, int size, SimSiam net, SimSiamViews views) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("pretraining needs at least one crop");
        }
        this.crops = crops.stream().map(c -> SimSiamViews.Region.whole(c.image())).toList();
        this.tiles = List.copyOf(tiles);
        this.tileGlomeruli = glomerulusWindows(tiles);
        this.size = size;
        this.net = net;
        this.views = views;
        Random rnd = new Random(4242);
        List<SimSiamViews.Region> watch = new ArrayList<>();
        for (int i = 0; i < WATCH_SET; i++) {
            watch.add(region(rnd));
        }
        this.watchSet = List.copyOf(watch);
    }

    /** The default pretraining on the training side of {@code data}, with the default classifier's backbone. */
    public static SimSiamTask on(TrainingData data, int size, boolean tiny) throws IOException {
        List<KidneyTile> tiles = data.tiles(DefaultModels.CLASSIFY_TILE_FACTOR, 200)
                .byIdRange(data.validationFirstTile(), data.validationLastTile(), false);
        return new SimSiamTask(data.trainCrops(), tiles, size, network(tiny), SimSiamViews.standard());
    }

    /** SimSiam on the default classifier's backbone, with d = its feature count and a d/4 predictor bottleneck. */
    public static SimSiam network(boolean tiny) {
        ResNetClassifier backbone = DefaultModels.classifierNet(tiny);
        int d = backbone.featureCount();
        return new SimSiam(backbone, d, Math.max(1, d / 4));
    }

    /** The network. */
    public SimSiam net() {
        return net;
    }

    /** Windows around the glomeruli whose centre lies inside their tile: the square of the circle plus 12.5 %. */
    private static List<SimSiamViews.Region> glomerulusWindows(List<KidneyTile> tiles) {
        List<SimSiamViews.Region> out = new ArrayList<>();
        for (KidneyTile t : tiles) {
            for (Circle c : t.circles()) {
                if (c.centerX() >= 0 && c.centerY() >= 0 && c.centerX() < t.image().width()
                        && c.centerY() < t.image().height()) {
                    out.add(new SimSiamViews.Region(t.image(), c.centerX(), c.centerY(), 2 * c.radius() * 1.25));
                }
            }
        }
        return out;
    }

    /** A random unlabelled region: a crop, a tile glomerulus or a random tissue window. */
    private SimSiamViews.Region region(Random rnd) {
        if (!tiles.isEmpty() && rnd.nextDouble() >= CROP_SHARE) {
            if (!tileGlomeruli.isEmpty() && rnd.nextDouble() < GLOMERULUS_WINDOW_SHARE) {
                return tileGlomeruli.get(rnd.nextInt(tileGlomeruli.size()));
            }
            SimSiamViews.Region window = tissueWindow(tiles.get(rnd.nextInt(tiles.size())), rnd);
            if (window != null) {
                return window;
            }
        }
        return crops.get(rnd.nextInt(crops.size()));
    }

    /** A glomerulus-sized window, mostly tissue, anywhere on a tile; null if a few tries found none. */
    private SimSiamViews.Region tissueWindow(KidneyTile tile, Random rnd) {
        FloatImage img = tile.image();
        double side = Math.min(MIN_WINDOW + rnd.nextDouble() * (MAX_WINDOW - MIN_WINDOW),
                Math.min(img.width(), img.height()) - 1);
        for (int attempt = 0; attempt < 10; attempt++) {
            SimSiamViews.Region r = new SimSiamViews.Region(img, side / 2 + rnd.nextDouble() * (img.width() - side),
                    side / 2 + rnd.nextDouble() * (img.height() - side), side);
            if (TissueWindows.tissueFraction(SimSiamViews.plain(r, 32)) > 0.5) {
                return r;
            }
        }
        return null;
    }

    @Override
    public Task task() {
        return Task.CLASSIFY;
    }

    @Override
    public int inputSize() {
        return size;
    }

    /**
     * The training branch; the other branch, which {@link #validate} runs on the watch set, also normalises with
     * batch statistics: collapse is a property of the training-mode outputs, and moving averages lag behind them
     * in the first steps. The pretrained encoder is never exported from here (see {@link PretrainedEncoder}).
     */
    @Override
    public Map<String, Operand<TFloat32>> network(Layers layers, Operand<TFloat32> image) {
        return net.outputs(layers.training() ? layers : layers.withBatchStatistics(), image);
    }

    @Override
    public List<String> exportedOutputs() {
        return List.of(SimSiam.FEATURES);
    }

    @Override
    public Map<String, long[]> targetShapes() {
        return Map.of();
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> outputs,
                                  Map<String, Operand<TFloat32>> targets) {
        return SimSiam.loss(tf, outputs.get(SimSiam.PREDICTION), outputs.get(SimSiam.PROJECTION));
    }

    @Override
    public int samplesPerEpoch() {
        return (int) Math.round(crops.size() / CROP_SHARE);
    }

    @Override
    public Batch trainingBatch(Random rnd, int n) {
        int px = size * size * 3;
        float[] images = new float[2 * n * px];
        for (int i = 0; i < n; i++) {
            SimSiamViews.Region r = region(rnd);
            System.arraycopy(views.view(rnd, r, size).data(), 0, images, i * px, px);
            System.arraycopy(views.view(rnd, r, size).data(), 0, images, (n + i) * px, px);
        }
        return new Batch(2 * n, images, Map.of());
    }

    @Override
    public Map<String, Double> validate(Inference inference) {
        int px = size * size * 3;
        float[] images = new float[watchSet.size() * px];
        for (int i = 0; i < watchSet.size(); i++) {
            System.arraycopy(SimSiamViews.plain(watchSet.get(i), size).data(), 0, images, i * px, px);
        }
        float[] z = inference.run(images, watchSet.size(), size, size).get(SimSiam.PROJECTION);
        int d = net.projectionDim();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(CollapseWatch.SPREAD, CollapseWatch.spread(z, watchSet.size(), d));
        m.put(CollapseWatch.HEALTHY, 1 / Math.sqrt(d));
        return m;
    }

    @Override
    public Batch exampleInput() {
        return new Batch(1, SimSiamViews.plain(crops.get(0), size).data(), Map.of());
    }
}
