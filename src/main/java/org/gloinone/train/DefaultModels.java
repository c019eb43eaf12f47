package org.gloinone.train;

import java.io.IOException;

/**
 * The recipes of the three default models: networks, patch sizes and resolutions. Kept in one place so the
 * command line, the tests and the model cards agree.
 */
public final class DefaultModels {
    /** Segmenter patch edge in pixels: the paper's 256 x 256. */
    public static final int SEGMENT_SIZE = 256;
    /** Classifier patch edge in pixels: the paper's 256 x 256. */
    public static final int CLASSIFY_SIZE = 256;
    /** Detector training scene edge in pixels. */
    public static final int DETECT_SIZE = 256;
    /** Detector resolution: tiles are read at 0.5 um/px and downsampled 4 x. */
    public static final double DETECT_MICRONS_PER_PIXEL = 2.0;
    /** Tile downsampling for the detector. */
    public static final int DETECT_TILE_FACTOR = 4;
    /** Tile downsampling for the classifier's tissue windows (1 um/px). */
    public static final int CLASSIFY_TILE_FACTOR = 2;
    /** Focal-loss gamma of the classifier (paper). */
    public static final float CLASS_GAMMA = 2.5f;

    private DefaultModels() {
    }

    /** The default U-Net; {@code tiny} shrinks it for tests. */
    public static UNet unet(boolean tiny) {
        return tiny ? new UNet(4, 8, 8) : new UNet(16, 32, 48, 64, 96);
    }

    /** The default classifier network. */
    public static ResNetClassifier classifierNet(boolean tiny) {
        return tiny ? new ResNetClassifier(3, 0.2f, 4, 8) : new ResNetClassifier(3, 0.3f, 16, 24, 48, 96, 128);
    }

    /** The default detector network. */
    public static CircleNetModel detectorNet(boolean tiny) {
        return tiny ? new CircleNetModel(new int[] {4, 8, 8, 8}, 8) : new CircleNetModel(new int[] {24, 48, 64, 96}, 32);
    }

    /** The segmentation task on {@code data}. */
    public static SegmenterTask segmenter(TrainingData data, int size, boolean tiny) {
        return new SegmenterTask(data.trainCrops(), data.validationCrops(), size, unet(tiny), Augmenter.standard());
    }

    /** The classification task on {@code data}. */
    public static ClassifierTask classifier(TrainingData data, int size, boolean tiny) throws IOException {
        return classifier(data, size, tiny, null);
    }

    /**
     * The classification task on {@code data}; with a detector SavedModel, its false positives on the training
     * tiles shown at each of {@link #MINING_SCALES} (score >= 0.1, circle IoU <= 0.2 with every annotated
     * glomerulus) become non-glomerular examples.
     */
    public static ClassifierTask classifier(TrainingData data, int size, boolean tiny, java.nio.file.Path detector)
            throws IOException {
        TileTrainingSet tiles = data.tiles(CLASSIFY_TILE_FACTOR, 200);
        var trainTiles = tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), false);
        ClassifierTask task = new ClassifierTask(data.trainCrops(), trainTiles, data.validationCrops(),
                tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), true),
                size, classifierNet(tiny), Augmenter.robust(), CLASS_GAMMA);
        if (detector != null) {
            var detectorTiles = data.tiles(DETECT_TILE_FACTOR, 60)
                    .byIdRange(data.validationFirstTile(), data.validationLastTile(), false);
            task.addHardNegatives(DetectorFalsePositives.mine(detector, detectorTiles, 0.1, 0.2, MINING_SCALES),
                    DETECT_TILE_FACTOR / (double) CLASSIFY_TILE_FACTOR, trainTiles);
        }
        return task;
    }

    /** Detector scenes span 0.6 to 1.4 times its pixel size (1.2 to 2.8 um/px); low-magnification blur adds more. */
    public static final double DETECT_SCALE_JITTER = 0.4;

    /** Pixel sizes, relative to the detector's, at which its false positives on the training tiles are mined. */
    public static final double[] MINING_SCALES = {0.6, 0.8, 1, 1.2, 1.4};

    /** Scenes per detector epoch. */
    public static final int DETECT_SCENES_PER_EPOCH = 400;

    /**
     * The detection task on {@code data}: tiles at 2 um/px, training scenes from training tiles and crops,
     * validation on held-out tiles and on scenes made only of held-out crops and tiles.
     */
    public static DetectorTask detector(TrainingData data, int size, boolean tiny) throws IOException {
        TileTrainingSet tiles = data.tiles(DETECT_TILE_FACTOR, 60);
        double umPerPx = DETECT_MICRONS_PER_PIXEL;
        var trainTiles = tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), false);
        var valTiles = tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), true);
        SceneSynthesizer train = new SceneSynthesizer(trainTiles, data.trainCrops(), 100 / umPerPx, 250 / umPerPx, 4,
                DETECT_SCALE_JITTER);
        SceneSynthesizer val = valTiles.isEmpty() || data.validationCrops().isEmpty() ? null
                : new SceneSynthesizer(valTiles, data.validationCrops(), 100 / umPerPx, 250 / umPerPx, 4);
        return new DetectorTask(train, val, valTiles, size, detectorNet(tiny), Augmenter.robust(),
                tiny ? 8 : DETECT_SCENES_PER_EPOCH);
    }
}
