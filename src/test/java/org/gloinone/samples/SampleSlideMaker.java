package org.gloinone.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.gloinone.slide.tiff.PyramidTiffWriter;

/**
 * Builds the bundled sample slide: a mosaic of the 1024 x 1024 PAS kidney tiles of the development
 * data, four across, written as a JPEG-compressed pyramidal BigTIFF at 0.5 um/px.
 * <p>
 * Usage: {@code SampleSlideMaker TILES_DIR OUTPUT.tif} (see samples/README.md for the exact command).
 */
public final class SampleSlideMaker {
    private static final int TILE = 1024;
    private static final int ACROSS = 4;
    /** The tiles were scanned at 20x, about 0.5 um/px. */
    private static final double MICRONS_PER_PIXEL = 0.5;

    private SampleSlideMaker() {
    }

    public static void main(String[] args) throws IOException {
        Path tilesDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> tiles;
        try (Stream<Path> s = Files.list(tilesDir)) {
            tiles = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        int rows = (tiles.size() + ACROSS - 1) / ACROSS;
        int width = ACROSS * TILE;
        int height = rows * TILE;
        int[] mosaic = new int[width * height];
        java.util.Arrays.fill(mosaic, 0xfff2f2f2); // glass
        for (int i = 0; i < tiles.size(); i++) {
            BufferedImage img = ImageIO.read(tiles.get(i).toFile());
            if (img.getWidth() != TILE || img.getHeight() != TILE) {
                throw new IOException(tiles.get(i) + ": expected " + TILE + "x" + TILE);
            }
            int[] rgb = img.getRGB(0, 0, TILE, TILE, null, 0, TILE);
            int ox = (i % ACROSS) * TILE;
            int oy = (i / ACROSS) * TILE;
            for (int y = 0; y < TILE; y++) {
                System.arraycopy(rgb, y * TILE, mosaic, (oy + y) * width + ox, TILE);
            }
            System.out.println("tile " + tiles.get(i).getFileName() + " at x=" + ox + " y=" + oy);
        }
        PyramidTiffWriter.Options options = PyramidTiffWriter.Options.defaults()
                .withTileSize(256)
                .withJpegQuality(0.85f)
                .withSmallestLevelSide(512)
                .withMicronsPerPixel(MICRONS_PER_PIXEL)
                .withDescription("Glo-In-One sample: mosaic of 12 PAS kidney tiles (Bueno et al. 2020, CC BY 4.0)");
        PyramidTiffWriter.write((x, y, w, h) -> {
            int[] out = new int[w * h];
            for (int j = 0; j < h; j++) {
                System.arraycopy(mosaic, (int) ((y + j) * width + x), out, j * w, w);
            }
            return out;
        }, width, height, options, output);
        System.out.println(output + ": " + width + "x" + height + ", " + Files.size(output) + " bytes");
    }
}
