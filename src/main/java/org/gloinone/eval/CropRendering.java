package org.gloinone.eval;

import java.io.IOException;

/**
 * A crop seen as a slide exported at a given pixel size would show it. A crop carries no pixel size of its own
 * (crops are rescaled to a common edge), so it is inferred from its mask: the glomerulus is taken to have a known
 * equal-area radius in micrometres, and the mask's equal-area radius in pixels gives micrometres per pixel.
 * The crop is then rendered at the target pixel size as {@link RenderedTile} renders tiles (area average when
 * coarser), keeping its framing; the classifier's patch is cut from that rendering as from the original.
 *
 * @param glomerulusRadiusMicrons the equal-area radius assumed for every crop's glomerulus
 */
public record CropRendering(double glomerulusRadiusMicrons) {
    public CropRendering {
        if (!(glomerulusRadiusMicrons > 0) || Double.isInfinite(glomerulusRadiusMicrons)) {
            throw new IllegalArgumentException("glomerulus radius (um) must be > 0, got " + glomerulusRadiusMicrons);
        }
    }

    /**
     * The crop's pixel size: the assumed radius over the mask's equal-area radius, sqrt(area / pi).
     *
     * @throws IllegalArgumentException if the mask is empty
     */
    public double micronsPerPixel(BinaryMask mask) {
        long area = mask.count();
        if (area == 0) {
            throw new IllegalArgumentException("the mask outlines no glomerulus, so the crop's pixel size is unknown");
        }
        return glomerulusRadiusMicrons / Math.sqrt(area / Math.PI);
    }

    /**
     * The crop rendered at {@code targetMicronsPerPixel}, its edge scaled by the crop's pixel size over the target.
     *
     * @throws IllegalArgumentException if the mask is empty or the target is not positive
     * @throws IOException              if resampling fails
     */
    public RgbImage render(ImageAndMask crop, double targetMicronsPerPixel) throws IOException {
        if (!(targetMicronsPerPixel > 0) || Double.isInfinite(targetMicronsPerPixel)) {
            throw new IllegalArgumentException("render pixel size (um/px) must be > 0, got " + targetMicronsPerPixel);
        }
        return RenderedTile.of(crop.image(), micronsPerPixel(crop.mask()), targetMicronsPerPixel).image();
    }
}
