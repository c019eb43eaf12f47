package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The training data of the default models, split by slide: the crops layout ({@code glomerulus-crops/}, split by
 * {@code slide_id}) and the tiles layout ({@code kidney-tiles/}, split by an id range), plus any annotated slides,
 * which always train (their crops and tiles join the training side).
 *
 * @param crops            all crops
 * @param validationSlides slides held out for validation
 * @param tileRoot         the tiles folder
 * @param validationFirstTile first held-out tile id
 * @param validationLastTile  last held-out tile id
 * @param annotated        annotated slides
 * @param annotatedCrops   the crops cut from them
 */
public record TrainingData(CropTrainingSet crops, Set<String> validationSlides, Path tileRoot,
                           int validationFirstTile, int validationLastTile, List<AnnotatedSlide> annotated,
                           List<GlomerulusCrop> annotatedCrops) {
    /** Pixel size of the kidney tiles (20x scans), which their PNGs do not carry. */
    public static final double TILE_MICRONS_PER_PIXEL = 0.5;
    /** Side of the kidney tiles in pixels; annotated slides are cut into tiles of the same size. */
    public static final int TILE_SIDE = 1024;
    /** Side of the glomerulus crops in pixels; annotated glomeruli are cut to the same size. */
    public static final int CROP_SIDE = 224;

    public TrainingData {
        annotated = List.copyOf(annotated);
        annotatedCrops = List.copyOf(annotatedCrops);
    }

    /** Share of crops held out. */
    public static final double VALIDATION_FRACTION = 0.2;
    /** Default held-out tile id range: the last four tiles, which are neighbours of each other. */
    public static final int[] DEFAULT_VALIDATION_TILES = {10149, 10165};

    /**
     * Reads {@code root/glomerulus-crops} and checks {@code root/kidney-tiles}; {@code limitPerClass} > 0 keeps only a
     * few crops per class (tests).
     */
    public static TrainingData read(Path root, long seed, int limitPerClass, int[] validationTiles) throws IOException {
        return read(root, seed, limitPerClass, validationTiles, List.of());
    }

    /**
     * As {@link #read(Path, long, int, int[])}, with annotated slides added to the training side.
     *
     * @throws IOException naming the folder or slide that cannot be read
     */
    public static TrainingData read(Path root, long seed, int limitPerClass, int[] validationTiles,
                                    List<AnnotatedSlide> annotated) throws IOException {
        Path cropDir = root.resolve("glomerulus-crops");
        Path tileDir = root.resolve("kidney-tiles");
        if (!Files.isDirectory(cropDir) || !Files.isDirectory(tileDir)) {
            throw new IOException(root + ": expected glomerulus-crops/ and kidney-tiles/ inside");
        }
        CropTrainingSet crops = CropTrainingSet.read(cropDir, limitPerClass);
        Set<String> val = SlideSplit.validationSlides(crops.slideIds(), VALIDATION_FRACTION, seed);
        return new TrainingData(crops, val, tileDir, validationTiles[0], validationTiles[1], annotated,
                AnnotatedSlideData.crops(annotated, CROP_SIDE));
    }

    /** The same data with other validation slides (one fold of a cross-validation). */
    public TrainingData withValidationSlides(Set<String> slides) {
        return new TrainingData(crops, Set.copyOf(slides), tileRoot, validationFirstTile, validationLastTile, annotated,
                annotatedCrops);
    }

    /** Training crops. */
    public List<GlomerulusCrop> trainCrops() {
        List<GlomerulusCrop> train = new ArrayList<>(crops.select(validationSlides, false));
        train.addAll(annotatedCrops);
        return train;
    }

    /** Held-out crops. */
    public List<GlomerulusCrop> validationCrops() {
        return crops.select(validationSlides, true);
    }

    /** Tiles at {@code factor} downsampling. */
    public TileTrainingSet tiles(int factor, int minArea) throws IOException {
        return TileTrainingSet.read(tileRoot, factor, minArea)
                .plus(AnnotatedSlideData.tiles(annotated, TILE_MICRONS_PER_PIXEL * factor, TILE_SIDE / factor));
    }
}
