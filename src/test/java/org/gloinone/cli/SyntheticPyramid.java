package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gloinone.slide.tiff.PyramidTiffWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes the benchmark's test slide: a tiled BigTIFF pyramid of {@link SyntheticTissue} pixels, written by
 * {@link PyramidTiffWriter}, so that every backend reads the same file.
 */
@Command(name = "synthetic-pyramid", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write a synthetic tissue-like tiled BigTIFF pyramid for the slide read benchmark.")
public final class SyntheticPyramid implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTPUT", description = "The .tiff file to write.")
    private Path output;

    @Option(names = "--width", defaultValue = "20000", description = "Level-0 width in pixels.")
    private int width;

    @Option(names = "--height", defaultValue = "15000", description = "Level-0 height in pixels.")
    private int height;

    @Option(names = "--tile", defaultValue = "512", description = "Tile side in pixels.")
    private int tile;

    @Option(names = "--compression", defaultValue = "JPEG", description = "One of ${COMPLETION-CANDIDATES}.")
    private PyramidTiffWriter.Compression compression;

    @Option(names = "--quality", defaultValue = "0.9", description = "JPEG quality, 0.05 to 1.")
    private float quality;

    @Option(names = "--mpp", defaultValue = "0.5", description = "Level-0 pixel size in um written to the file.")
    private double mpp;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Writes the pyramid; exit status 0 when done, 2 on bad options. */
    public static void main(String[] args) {
        int status = new CommandLine(new SyntheticPyramid()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws IOException {
        PyramidTiffWriter.Options options = PyramidTiffWriter.Options.defaults()
                .withTileSize(tile).withCompression(compression).withJpegQuality(quality)
                .withMicronsPerPixel(mpp).withDescription("Glo-In-One synthetic benchmark tissue");
        long t0 = System.nanoTime();
        PyramidTiffWriter.write(SyntheticTissue::read, width, height, options, output);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s: %d x %d, %s, %d px tiles, %d levels, in %.1f s%n", output.getFileName(),
                width, height, compression, tile, PyramidTiffWriter.levelSizes(width, height,
                        options.smallestLevelSide()).size(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }
}
