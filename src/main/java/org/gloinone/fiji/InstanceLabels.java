package org.gloinone.fiji;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;

/**
 * An instance label image of a result: each pixel holds the id of the glomerulus covering it (its mask outline
 * when segmented, else its circle), 0 elsewhere. Pixel {@code (i, j)} covers level-0 pixels from
 * {@code (i * downsample, j * downsample)} and belongs to a glomerulus when its centre lies inside; where two
 * overlap, the higher id wins. Rejected detections are not labelled.
 */
public final class InstanceLabels {
    /** Largest side accepted, in pixels: keeps an accidental downsample of 1 on a whole slide in check. */
    static final long MAX_PIXELS = Integer.MAX_VALUE;

    private InstanceLabels() {
    }

    /**
     * @param downsample level-0 pixels per label pixel, &ge; 1
     * @throws IllegalArgumentException when an id exceeds 65535 or the image would exceed 2^31 pixels
     */
    public static Img<UnsignedShortType> of(SlideResult result, double downsample) {
        if (!(downsample >= 1) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException("label downsample must be >= 1, got " + downsample);
        }
        long width = Math.max(1, (long) Math.ceil(result.slide().width() / downsample));
        long height = Math.max(1, (long) Math.ceil(result.slide().height() / downsample));
        if (width * height > MAX_PIXELS) {
            throw new IllegalArgumentException(result.slide().name() + ": a label image at downsample " + downsample
                    + " would be " + width + " x " + height + " pixels; choose a larger downsample");
        }
        short[] labels = new short[(int) (width * height)];
        for (GlomerulusResult g : result.glomeruli()) {
            if (g.id() > 0xffff) {
                throw new IllegalArgumentException("glomerulus id " + g.id() + " does not fit a 16-bit label image");
            }
            paint(g, downsample, labels, (int) width, (int) height);
        }
        return ArrayImgs.unsignedShorts(new ShortArray(labels), width, height);
    }

    private static void paint(GlomerulusResult g, double downsample, short[] labels, int width, int height) {
        Circle c = g.detection().circle();
        Path2D.Double outline = g.outline().map(InstanceLabels::path).orElse(null);
        Rectangle2D box = outline != null ? outline.getBounds2D() : new Rectangle2D.Double(c.centerX() - c.radius(),
                c.centerY() - c.radius(), 2 * c.radius(), 2 * c.radius());
        int i0 = Math.max(0, (int) Math.floor(box.getMinX() / downsample));
        int j0 = Math.max(0, (int) Math.floor(box.getMinY() / downsample));
        int i1 = Math.min(width - 1, (int) Math.ceil(box.getMaxX() / downsample));
        int j1 = Math.min(height - 1, (int) Math.ceil(box.getMaxY() / downsample));
        short id = (short) g.id();
        for (int j = j0; j <= j1; j++) {
            double y = (j + 0.5) * downsample;
            for (int i = i0; i <= i1; i++) {
                double x = (i + 0.5) * downsample;
                boolean inside = outline != null ? outline.contains(x, y)
                        : (x - c.centerX()) * (x - c.centerX()) + (y - c.centerY()) * (y - c.centerY())
                                <= c.radius() * c.radius();
                if (inside && Short.toUnsignedInt(labels[j * width + i]) < g.id()) {
                    labels[j * width + i] = id;
                }
            }
        }
    }

    private static Path2D.Double path(Outline o) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, o.size());
        path.moveTo(o.x(0), o.y(0));
        for (int k = 1; k < o.size(); k++) {
            path.lineTo(o.x(k), o.y(k));
        }
        path.closePath();
        return path;
    }
}
