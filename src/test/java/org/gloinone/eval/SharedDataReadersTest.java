package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The dataset readers on the full shared datasets, when they are present beside the project. */
class SharedDataReadersTest {
    private static final Path DATA = Path.of("../shared/data");

    @Test
    void readsAllCrops() throws Exception {
        Path crops = DATA.resolve("glomerulus-crops");
        Assumptions.assumeTrue(Files.isDirectory(crops), "../shared/data/glomerulus-crops is absent; skipped");
        List<LabelledCrop> all = CropDataset.read(crops);
        assertEquals(765, all.size());
        assertEquals(143, all.stream().filter(LabelledCrop::globallySclerotic).count());
        assertEquals(25, all.stream().map(LabelledCrop::slideId).distinct().count());
        for (LabelledCrop c : all.subList(0, 10)) {
            ImageAndMask im = ImageAndMask.read(c.image(), c.mask());
            assertEquals(224, im.image().width());
        }
    }

    @Test
    void readsAllTilesAndTheirGlomeruli() throws Exception {
        Path tiles = DATA.resolve("kidney-tiles");
        Assumptions.assumeTrue(Files.isDirectory(tiles), "../shared/data/kidney-tiles is absent; skipped");
        List<LabelledTile> all = TileDataset.read(tiles);
        assertEquals(12, all.size());
        int glomeruli = 0;
        int fragments = 0;
        for (LabelledTile t : all) {
            ImageAndMask im = ImageAndMask.read(t.image(), t.mask());
            TileGroundTruth truth = TileGroundTruth.fromMask(im.mask(), 0.5, TileGroundTruth.DEFAULT_MIN_AREA_UM2);
            glomeruli += truth.glomeruli().size();
            fragments += truth.ignoreRegions().size();
        }
        // 13 separate mask components (tile 10164 holds two), all above 500 um2 at 0.5 um/px.
        assertEquals(13, glomeruli);
        assertEquals(0, fragments);
    }
}
