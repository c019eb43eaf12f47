package org.gloinone.train;

import java.io.IOException;
import java.util.List;

/**
 * The recipes of the three default models: networks, patch sizes and resolutions. Kept in one place so the
 * command line, the tests and the model cards agree.
 */
public final class DefaultModels {
    /** Segmenter patch edge in pixels: the paper's 256 x 256. */
    public static final int SEGMENT_SIZE = 256;
    /** Classifier patch edge in pixels: the paper's 256 x 256. */
    public static final int CLASSIFY_SIZE = 256;
    /** Detector training scene edge in micrometres: 256 px at the default 2 um/px. */
    public static final double DETECT_SCENE_MICRONS = 512;
    /** Detector resolution by default: tiles are read at 0.5 um/px and downsampled 4 x. */
    public static final double DETECT_MICRONS_PER_PIXEL = 2.0;
    /** Tile downsampling for the default detector. */
    public static final int DETECT_TILE_FACTOR = 4;
    /**
     * The coarsest export the detector's low-magnification look imitates, in um/px: a region exported at 5 um/px
     * is 2.5 x coarser than the default detector's 2 um/px.
     */
    public static final double DETECT_LOW_MAGNIFICATION_MICRONS = 5;
    /** Tile downsampling for the classifier's tissue windows (1 um/px). */
    public static final int CLASSIFY_TILE_FACTOR = 2;
    /**
     * The equal-area radius of a typical glomerulus, in micrometres: the median (89.7 and 91.6) of the training
     * tiles' whole glomeruli, which range from 83 to 101 um at 0.5 um/px.
     */
    public static final double GLOMERULUS_MEDIAN_RADIUS_MICRONS = 90;
    /**
     * How much coarser than its patch the classifier's low-magnification look goes by default: 2.5, as the
     * detector's. A patch spans a glomerulus of {@link #GLOMERULUS_MEDIAN_RADIUS_MICRONS} plus 12.5 um each side
     * (205 um) in 256 px, about 0.8 um/px, so 2.5 reaches regions exported at 2 um/px and 6.5 those at 5.2 um/px.
     * Trained with 6.5 ({@code train classify --low-magnification 6.5}) the classifier did worse at 4 and 5 um/px
     * and rejected fewer false positives (docs/TRAINING.md), so the default stays.
     */
    public static final double CLASSIFY_MAX_LOW_MAGNIFICATION = 2.5;
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
        return detectorNet(tiny, 1);
    }

    /** The default detector network with every channel width (and the head's) times {@code widthFactor}. */
    public static CircleNetModel detectorNet(boolean tiny, int widthFactor) {
        int[] widths = tiny ? new int[] {4, 8, 8, 8} : new int[] {24, 48, 64, 96};
        for (int i = 0; i < widths.length; i++) {
            widths[i] *= widthFactor;
        }
        return new CircleNetModel(widths, (tiny ? 8 : 32) * widthFactor);
    }

    /** The segmentation task on {@code data}, with the mild {@link Augmenter#standard()} augmentation. */
    public static SegmenterTask segmenter(TrainingData data, int size, boolean tiny) {
        return segmenter(data, size, tiny, Augmenter.standard());
    }

    /**
     * The segmentation task on {@code data} trained with {@code augmenter}, e.g. {@link Augmenter#robust(double,
     * double)} for the blur, JPEG and stains of other labs' low-magnification exports.
     */
    public static SegmenterTask segmenter(TrainingData data, int size, boolean tiny, Augmenter augmenter) {
        return new SegmenterTask(data.trainCrops(), data.validationCrops(), size, unet(tiny), augmenter);
    }

    /** The classification task on {@code data}. */
    public static ClassifierTask classifier(TrainingData data, int size, boolean tiny) throws IOException {
        return classifier(data, size, tiny, null);
    }

    /**
     * The classification task on {@code data}; with a detector SavedModel, its false positives on the training
     * tiles shown in each of {@link #MINING_LOOKS} (score >= 0.1, circle IoU <= 0.2 with every annotated
     * glomerulus; repeats of one place at IoU above 0.5 counted once) become non-glomerular examples, and those on
     * the held-out tiles are scored in validation.
     */
    public static ClassifierTask classifier(TrainingData data, int size, boolean tiny, TrainedDetector detector)
            throws IOException {
        return classifier(data, size, tiny, detector == null ? List.of() : List.of(detector),
                CLASSIFY_MAX_LOW_MAGNIFICATION, 1);
    }

    /**
     * As {@link #classifier(TrainingData, int, boolean, TrainedDetector)}, with the low-magnification look
     * reaching {@code maxLowMagnification} times coarser than the patch and each stain's density jittered by a
     * factor up to {@code maxStainFactor} ({@link Augmenter#robust(double, double)}).
     */
    public static ClassifierTask classifier(TrainingData data, int size, boolean tiny,
                                            List<TrainedDetector> detectors, double maxLowMagnification,
                                            double maxStainFactor) throws IOException {
        TileTrainingSet tiles = data.tiles(CLASSIFY_TILE_FACTOR, 200);
        var trainTiles = tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), false);
        ClassifierTask task = new ClassifierTask(data.trainCrops(), trainTiles, data.validationCrops(),
                tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), true),
                size, classifierNet(tiny), Augmenter.robust(maxLowMagnification, maxStainFactor), CLASS_GAMMA);
        if (!detectors.isEmpty()) {
            task.addHardNegatives(minedFalsePositives(data, detectors, false), trainTiles);
            task.addValidationFalsePositives(minedFalsePositives(data, detectors, true));
        }
        return task;
    }

    /**
     * The detectors' distinct false positives on the training ({@code heldOut} false) or held-out tiles in every
     * look of {@link #MINING_LOOKS}, in the pixels of the classifier's tiles ({@link #CLASSIFY_TILE_FACTOR}): a
     * place that several looks or several detectors hit counts once. Each detector sees the tiles at its own pixel
     * size. Detectors differ in their mistakes, and one that never saw a tile errs there as it would on a new slide.
     */
    static List<DetectorFalsePositives.FalsePositive> minedFalsePositives(TrainingData data,
                                                                          List<TrainedDetector> detectors,
                                                                          boolean heldOut) throws IOException {
        List<DetectorFalsePositives.FalsePositive> all = new java.util.ArrayList<>();
        for (TrainedDetector detector : detectors) {
            int factor = detector.tileFactor();
            List<KidneyTile> tiles = data.tiles(factor, tileMinArea(factor))
                    .byIdRange(data.validationFirstTile(), data.validationLastTile(), heldOut);
            double toClassifierTile = factor / (double) CLASSIFY_TILE_FACTOR;
            for (DetectorFalsePositives.FalsePositive fp : DetectorFalsePositives.mine(detector, tiles,
                    MINING_MIN_SCORE, 0.2, MINING_LOOKS)) {
                all.add(fp.scaled(toClassifierTile));
            }
        }
        return DetectorFalsePositives.distinct(all, 0.5);
    }

    /**
     * Tile pixels (at {@link TrainingData#TILE_MICRONS_PER_PIXEL}) per pixel of a detector working at
     * {@code micronsPerPixel}: a whole number, as tiles are downsampled by box averages.
     *
     * @throws IllegalArgumentException naming the pixel size when it is no whole multiple of the tiles'
     */
    public static int tileFactor(double micronsPerPixel) {
        double f = micronsPerPixel / TrainingData.TILE_MICRONS_PER_PIXEL;
        long whole = Math.round(f);
        if (whole < 1 || whole > 16 || Math.abs(f - whole) > 1e-6) {
            throw new IllegalArgumentException("a detector's pixel size must be a whole multiple of the tiles' "
                    + TrainingData.TILE_MICRONS_PER_PIXEL + " um/px, at most 8 um/px, got " + micronsPerPixel);
        }
        return (int) whole;
    }

    /** Smallest glomerulus mask kept on tiles downsampled by {@code factor}: 60 px at 4 x, the same area in um². */
    static int tileMinArea(int factor) {
        return Math.max(1, (int) Math.round(60.0 * DETECT_TILE_FACTOR * DETECT_TILE_FACTOR / (factor * factor)));
    }

    /** The detector's training scene edge at {@code micronsPerPixel}: {@link #DETECT_SCENE_MICRONS}, in multiples of 32. */
    public static int detectSceneSize(double micronsPerPixel) {
        int cells = (int) Math.round(DETECT_SCENE_MICRONS / micronsPerPixel / CircleNetModel.DIVISOR);
        return Math.max(1, cells) * CircleNetModel.DIVISOR;
    }

    /**
     * The detector's size prior, smallest radius in micrometres. The training tiles' whole glomeruli have
     * equal-area radii of 83 to 101 um at 0.5 um/px; a globally sclerosed glomerulus shrinks to about half its
     * diameter and a tangential cut 0.7 radii off its centre shows 0.7 of its radius, so 0.5 x 0.7 x 83 = 29 um,
     * rounded to 30, still passes, while a single tubule (radius about 15-30 um) mostly does not.
     */
    public static final double DETECT_MIN_RADIUS_MICRONS = 30;
    /**
     * The detector's size prior, largest radius in micrometres: 1.5 times the largest training glomerulus
     * (101 um), and half the pipeline's tile overlap, beyond which no tile holds a glomerulus whole.
     */
    public static final double DETECT_MAX_RADIUS_MICRONS = 150;

    /** Detector scenes span 0.6 to 1.4 times its pixel size (1.2 to 2.8 um/px); low-magnification blur adds more. */
    public static final double DETECT_SCALE_JITTER = 0.4;

    /**
     * How the tiles are shown to a detector whose false positives are mined: at every pixel size its training
     * scenes span (0.6 to 1.4 times its own, in steps of 0.1), each plain and in two looks of the robust
     * augmentation (stain, low magnification, JPEG), seeded.
     */
    public static final DetectorFalsePositives.Looks MINING_LOOKS = new DetectorFalsePositives.Looks(
            new double[] {0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4}, 3, Augmenter.robust(), 7);

    /** Lowest detector score of a mined false positive. */
    public static final double MINING_MIN_SCORE = 0.1;

    /** Share of detector training scenes made as mosaics of whole crops ({@link SceneSynthesizer#withCropMosaics}). */
    public static final double DETECT_MOSAIC_SHARE = 0;

    /** Scenes per detector epoch. */
    public static final int DETECT_SCENES_PER_EPOCH = 400;

    /**
     * The detection task on {@code data}: tiles at 2 um/px, training scenes from training tiles and crops,
     * validation on held-out tiles and on scenes made only of held-out crops and tiles.
     */
    public static DetectorTask detector(TrainingData data, int size, boolean tiny) throws IOException {
        return detector(data, size, tiny, DETECT_MOSAIC_SHARE, DETECT_MICRONS_PER_PIXEL, 1, 1, 1);
    }

    /**
     * As {@link #detector(TrainingData, int, boolean)}, with {@code mosaicShare} of the scenes crop mosaics, at
     * {@code umPerPx} (a whole multiple of the tiles' 0.5 um/px), the network {@code widthFactor} times as wide,
     * an ensemble of {@code members} such networks, each stain's density jittered by a factor up to
     * {@code maxStainFactor} ({@link Augmenter#robust(double, double)}); the low-magnification look reaches regions
     * exported at {@link #DETECT_LOW_MAGNIFICATION_MICRONS}.
     */
    public static DetectorTask detector(TrainingData data, int size, boolean tiny, double mosaicShare,
                                        double umPerPx, int widthFactor, int members, double maxStainFactor)
            throws IOException {
        int factor = tileFactor(umPerPx);
        TileTrainingSet tiles = data.tiles(factor, tileMinArea(factor));
        var trainTiles = tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), false);
        var valTiles = tiles.byIdRange(data.validationFirstTile(), data.validationLastTile(), true);
        SceneSynthesizer train = new SceneSynthesizer(trainTiles, data.trainCrops(), 100 / umPerPx, 250 / umPerPx, 4,
                DETECT_SCALE_JITTER).withCropMosaics(mosaicShare);
        SceneSynthesizer val = valTiles.isEmpty() || data.validationCrops().isEmpty() ? null
                : new SceneSynthesizer(valTiles, data.validationCrops(), 100 / umPerPx, 250 / umPerPx, 4);
        Augmenter augmenter = Augmenter.robust(Math.max(1, DETECT_LOW_MAGNIFICATION_MICRONS / umPerPx),
                maxStainFactor);
        DetectorTask task = new DetectorTask(train, val, valTiles, size, umPerPx, detectorNet(tiny, widthFactor),
                augmenter, tiny ? 8 : DETECT_SCENES_PER_EPOCH, members);
        return TrainingStain.reference(data).map(task::withStainReference).orElse(task);
    }
}
