package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A tiles dataset: a folder with {@code images/*.png} and {@code masks/*.png} of the same names. Each
 * 8-connected component of a mask (any channel &gt; 127) is one glomerulus. Tiles are listed by name.
 */
public final class TileDataset {
    private TileDataset() {
    }

    /** Whether {@code dir} looks like a tiles dataset (it holds {@code images/} and {@code masks/}). */
    public static boolean isTiles(Path dir) {
        return Files.isDirectory(dir.resolve("images")) && Files.isDirectory(dir.resolve("masks"));
    }

    /**
     * Lists the tiles and checks every image has its mask.
     *
     * @throws DatasetException naming the missing folder or mask, or an empty {@code images/}
     */
    public static List<LabelledTile> read(Path dir) throws DatasetException {
        Path images = dir.resolve("images");
        Path masks = dir.resolve("masks");
        for (Path p : List.of(images, masks)) {
            if (!Files.isDirectory(p)) {
                throw new DatasetException(p, "folder not found (a tiles dataset needs images/ and masks/)");
            }
        }
        List<Path> pngs;
        try (Stream<Path> s = Files.list(images)) {
            pngs = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(images, "cannot be listed (" + e.getMessage() + ")", e);
        }
        if (pngs.isEmpty()) {
            throw new DatasetException(images, "holds no .png tiles");
        }
        List<LabelledTile> tiles = new ArrayList<>();
        for (Path image : pngs) {
            String name = image.getFileName().toString();
            Path mask = masks.resolve(name);
            if (!Files.isRegularFile(mask)) {
                throw new DatasetException(mask, "file not found (the mask of images/" + name + ")");
            }
            tiles.add(new LabelledTile(name, image, mask));
        }
        return tiles;
    }
}
