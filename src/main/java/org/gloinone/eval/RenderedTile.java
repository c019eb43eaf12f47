package org.gloinone.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;

/**
 * A tile rendered at another pixel size, as a slide exported at another magnification would show it, with the
 * pixel size it now carries and the way back to the tile's own pixels.
 *
 * @param image           the rendered pixels
 * @param micronsPerPixel their pixel size: the tile's, times the tile's width over the rendered width
 * @param scaleX          tile pixels per rendered pixel, across
 * @param scaleY          tile pixels per rendered pixel, down
 */
public record RenderedTile(RgbImage image, double micronsPerPixel, double scaleX, double scaleY) {

    /**
     * Renders a tile: area average when the target is coarser, bilinear when finer; the size is rounded to whole
     * pixels (at least 1), and the carried pixel size follows the rounded width.
     *
     * @param tile                  the tile
     * @param tileMicronsPerPixel   its pixel size
     * @param targetMicronsPerPixel the pixel size to render at
     * @throws IOException if resampling fails
     */
    public static RenderedTile of(RgbImage tile, double tileMicronsPerPixel, double targetMicronsPerPixel)
            throws IOException {
        double factor = tileMicronsPerPixel / targetMicronsPerPixel;
        int w = (int) Math.max(1, Math.round(tile.width() * factor));
        int h = (int) Math.max(1, Math.round(tile.height() * factor));
        RgbImage image = new ImageSlide(Path.of("tile"), tile, OptionalDouble.of(tileMicronsPerPixel)).resized(w, h);
        double sx = (double) tile.width() / w;
        double sy = (double) tile.height() / h;
        return new RenderedTile(image, tileMicronsPerPixel * sx, sx, sy);
    }

    /** Detections on the rendered image, mapped to the tile's pixels (the radius by the mean of the two scales). */
    public List<Detection> toTile(List<Detection> detections) {
        if (scaleX == 1 && scaleY == 1) {
            return detections;
        }
        double sr = (scaleX + scaleY) / 2;
        return detections.stream().map(d -> new Detection(new Circle(d.circle().centerX() * scaleX,
                d.circle().centerY() * scaleY, d.circle().radius() * sr), d.score())).toList();
    }
}
