package org.gloinone.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReadersTest {
    @TempDir
    Path dir;

    @Test
    void readsTheCropsFixture() throws Exception {
        List<LabelledCrop> crops = CropDataset.read(Fixtures.crops());
        assertEquals(5, crops.size());
        LabelledCrop first = crops.get(0);
        assertEquals("images/GS/SAS_21883_001-3.png", first.name());
        assertEquals("GS", first.className());
        assertTrue(first.globallySclerotic());
        assertEquals("SAS_21883_001", first.slideId());
        assertEquals(List.of(true, true, false, false, false),
                crops.stream().map(LabelledCrop::globallySclerotic).toList());
        ImageAndMask im = ImageAndMask.read(first.image(), first.mask());
        assertEquals(224, im.image().width());
        assertEquals(38661, im.mask().count()); // counted independently from the PNG: any channel > 127
    }

    @Test
    void readsTheTilesFixtureAndItsGroundTruth() throws Exception {
        List<LabelledTile> tiles = TileDataset.read(Fixtures.tiles());
        assertEquals(List.of("10150.png", "10164.png", "10165.png"), tiles.stream().map(LabelledTile::name).toList());
        ImageAndMask im = ImageAndMask.read(tiles.get(1).image(), tiles.get(1).mask());
        // At 2 um/px: 6964 px = 27856 um2 and 968 px = 3872 um2, both above 500 um2; only the first above 5000.
        TileGroundTruth t = TileGroundTruth.fromMask(im.mask(), 2.0, 500);
        assertEquals(List.of(6964L, 968L), t.glomeruli().stream().map(MaskComponent::area).toList());
        assertEquals(Math.sqrt(6964 / Math.PI), t.circles().get(0).radius(), 1e-9);
        TileGroundTruth strict = TileGroundTruth.fromMask(im.mask(), 2.0, 5000);
        assertEquals(1, strict.glomeruli().size());
        assertEquals(1, strict.ignoreRegions().size());
    }

    @Test
    void missingLabelsFile() {
        DatasetException e = assertThrows(DatasetException.class, () -> CropDataset.read(dir));
        assertEquals(dir.resolve("labels.csv") + ": file not found (a crops dataset needs labels.csv)", e.getMessage());
    }

    @Test
    void missingColumn() throws IOException {
        Files.writeString(dir.resolve("labels.csv"), "image,mask,class,slide_id\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CropDataset.read(dir));
        assertTrue(e.getMessage().contains("no column 'is_globally_sclerotic'"), e.getMessage());
    }

    @Test
    void shortRowAndBadFlag() throws IOException {
        png(dir.resolve("a.png"), 4, 4);
        png(dir.resolve("m.png"), 4, 4);
        Files.writeString(dir.resolve("labels.csv"), "image,mask,class,is_globally_sclerotic,slide_id\na.png,m.png,GS,1\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CropDataset.read(dir));
        assertEquals(dir.resolve("labels.csv") + ": line 2 has 4 fields, the header 5", e.getMessage());
        Files.writeString(dir.resolve("labels.csv"), "image,mask,class,is_globally_sclerotic,slide_id\na.png,m.png,GS,yes,s1\n");
        e = assertThrows(DatasetException.class, () -> CropDataset.read(dir));
        assertEquals(dir.resolve("labels.csv") + ": line 2: is_globally_sclerotic must be 1 or 0, got 'yes'",
                e.getMessage());
    }

    @Test
    void missingImageFile() throws IOException {
        png(dir.resolve("m.png"), 4, 4);
        Files.writeString(dir.resolve("labels.csv"),
                "image,mask,class,is_globally_sclerotic,slide_id\n\"gone.png\",m.png,GS,1,s1\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CropDataset.read(dir));
        assertEquals(dir.resolve("gone.png") + ": file not found (listed on line 2 of labels.csv)", e.getMessage());
    }

    @Test
    void maskOfAnotherSize() throws IOException {
        png(dir.resolve("a.png"), 4, 4);
        png(dir.resolve("m.png"), 5, 4);
        DatasetException e = assertThrows(DatasetException.class,
                () -> ImageAndMask.read(dir.resolve("a.png"), dir.resolve("m.png")));
        assertEquals(dir.resolve("m.png") + ": mask is 5x4 but its image a.png is 4x4", e.getMessage());
    }

    @Test
    void notAnImage() throws IOException {
        Files.writeString(dir.resolve("a.png"), "text");
        DatasetException e = assertThrows(DatasetException.class, () -> RgbImage.read(dir.resolve("a.png")));
        assertTrue(e.getMessage().startsWith(dir.resolve("a.png") + ": "), e.getMessage());
    }

    @Test
    void tileWithoutMask() throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        assertTrue(TileDataset.isTiles(dir));
        assertFalse(CropDataset.isCrops(dir));
        DatasetException e = assertThrows(DatasetException.class, () -> TileDataset.read(dir));
        assertEquals(dir.resolve("images") + ": holds no .png tiles", e.getMessage());
        png(dir.resolve("images/t1.png"), 4, 4);
        e = assertThrows(DatasetException.class, () -> TileDataset.read(dir));
        assertEquals(dir.resolve("masks/t1.png") + ": file not found (the mask of images/t1.png)", e.getMessage());
    }

    static void png(Path file, int w, int h) throws IOException {
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }
}
