package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The training data of the default models, split by slide: the crops layout ({@code glomerulus-crops/}, split by
 * {@code slide_id}) and the tiles layout ({@code kidney-tiles/}, split by an id range).
 *
 * @param crops            all crops
 * @param validationSlides slides held out for validation
 * @param tileRoot         the tiles folder
 * @param validationFirstTile first held-out tile id
 * @param validationLastTile  last held-out tile id
 */
public record TrainingData(CropDataset crops, Set<String> validationSlides, Path tileRoot,
                           int validationFirstTile, int validationLastTile) {

    /** Share of crops held out. */
    public static final double VALIDATION_FRACTION = 0.2;
    /** Default held-out tile id range: the last four tiles, which are neighbours of each other. */
    public static final int[] DEFAULT_VALIDATION_TILES = {10149, 10165};

    /**
     * Reads {@code root/glomerulus-crops} and checks {@code root/kidney-tiles}; {@code limitPerClass} > 0 keeps only a
     * few crops per class (tests).
     */
    public static TrainingData read(Path root, long seed, int limitPerClass, int[] validationTiles) throws IOException {
        Path cropDir = root.resolve("glomerulus-crops");
        Path tileDir = root.resolve("kidney-tiles");
        if (!Files.isDirectory(cropDir) || !Files.isDirectory(tileDir)) {
            throw new IOException(root + ": expected glomerulus-crops/ and kidney-tiles/ inside");
        }
        CropDataset crops = CropDataset.read(cropDir, limitPerClass);
        Set<String> val = SlideSplit.validationSlides(crops.slideIds(), VALIDATION_FRACTION, seed);
        return new TrainingData(crops, val, tileDir, validationTiles[0], validationTiles[1]);
    }

    /** Training crops. */
    public List<GlomerulusCrop> trainCrops() {
        return crops.select(validationSlides, false);
    }

    /** Held-out crops. */
    public List<GlomerulusCrop> validationCrops() {
        return crops.select(validationSlides, true);
    }

    /** Tiles at {@code factor} downsampling. */
    public TileDataset tiles(int factor, int minArea) throws IOException {
        return TileDataset.read(tileRoot, factor, minArea);
    }
}
