package org.gloinone.job;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gloinone.patch.PatchExtractor;
import org.gloinone.patch.PatchGeometry;
import org.gloinone.io.GlomerulusPatch;
import org.gloinone.io.Thumbnail;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;
import org.gloinone.slide.Slide;

/**
 * Reads what result files show besides the result itself: a thumbnail of the whole slide for the
 * overlay, and per glomerulus the patch the classifier saw with its mask drawn from the outline.
 * Patches are read again from the slide rather than kept from the pipeline, so the pipeline's memory
 * does not grow with the number of glomeruli.
 */
public final class SlideExtrasReader {
    /** The overlay's long side, in pixels. */
    public static final int THUMBNAIL_LONG_SIDE = 2048;

    private SlideExtrasReader() {
    }

    /** The whole slide at most {@link #THUMBNAIL_LONG_SIDE} pixels on its long side. */
    public static Thumbnail thumbnail(Slide slide) throws IOException {
        long w0 = slide.levels().get(0).width();
        long h0 = slide.levels().get(0).height();
        double downsample = Math.max(1, (double) Math.max(w0, h0) / THUMBNAIL_LONG_SIDE);
        int w = (int) Math.max(1, Math.round(w0 / downsample));
        int h = (int) Math.max(1, Math.round(h0 / downsample));
        int[] argb = slide.readScaled(0, 0, w0, h0, w, h).update(null).getCurrentStorageArray();
        return new Thumbnail(w, h, argb, (double) w0 / w);
    }

    /**
     * The patch of every glomerulus as {@code patches} reads it, with its mask when segmented.
     *
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public static List<GlomerulusPatch> patches(Slide slide, SlideResult result, PatchExtractor patches,
                                                CancellationToken cancel) throws IOException {
        List<GlomerulusPatch> out = new ArrayList<>();
        int size = patches.patchSize();
        for (GlomerulusResult g : result.glomeruli()) {
            cancel.throwIfCancelled();
            PatchGeometry geometry = patches.geometry(slide, g.detection().circle());
            int[] argb = patches.extract(slide, g.detection().circle());
            Optional<byte[]> mask = g.outline().map(o -> rasterise(o, geometry, size));
            out.add(new GlomerulusPatch(g.id(), g.className(), Math.round(geometry.x0()), Math.round(geometry.y0()),
                    Math.round(geometry.size0()), Math.round(geometry.size0()), size, size, argb, mask));
        }
        return out;
    }

    /** Fills the outline, mapped into patch pixels, as 255 on 0. */
    static byte[] rasterise(Outline outline, PatchGeometry geometry, int size) {
        double level0PerPatchPixel = geometry.scale(size);
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < outline.size(); i++) {
            double x = (outline.x(i) - geometry.x0()) / level0PerPatchPixel;
            double y = (outline.y(i) - geometry.y0()) / level0PerPatchPixel;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fill(path);
        } finally {
            g.dispose();
        }
        return ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    }
}
