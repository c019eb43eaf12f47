package org.gloinone.pipeline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.slide.PlainSlide;
import org.gloinone.slide.SlideLevel;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * A synthetic kidney section of any size, computed on demand and never held in memory, for
 * benchmarks: glass around an elliptical section of pink tissue (about 60 % of the slide) with
 * grain, and round purple "glomeruli" of 50-90 um radius on a jittered 400 um grid. Pyramid levels
 * have downsamples 1, 4, 16 and 64, like an Aperio file. Reads are thread-safe.
 */
public final class GeneratedSlide extends PlainSlide {
    private static final double CELL_MICRONS = 400;
    private static final int GLASS = 0xfff3f1f4;

    private final long width;
    private final long height;
    private final double micronsPerPixel;
    private final long seed;

    /**
     * @param width           level-0 width in pixels
     * @param height          level-0 height in pixels
     * @param micronsPerPixel level-0 pixel size
     * @param seed            varies the glomeruli
     */
    public GeneratedSlide(long width, long height, double micronsPerPixel, long seed) {
        super(Path.of("generated-" + width + "x" + height + ".tif"), "generated", "generated", levels(width, height),
                OptionalDouble.of(micronsPerPixel), OptionalDouble.of(micronsPerPixel));
        this.width = width;
        this.height = height;
        this.micronsPerPixel = micronsPerPixel;
        this.seed = seed;
    }

    private static List<SlideLevel> levels(long width, long height) {
        List<SlideLevel> l = new ArrayList<>();
        for (double ds = 1; l.isEmpty() || (width / ds >= 256 && height / ds >= 256 && ds <= 64); ds *= 4) {
            l.add(new SlideLevel(Math.max(1, Math.round(width / ds)), Math.max(1, Math.round(height / ds)),
                    ds == 1 ? 1 : width / (double) Math.max(1, Math.round(width / ds))));
        }
        return l;
    }

    /** The fraction of the slide covered by tissue (the ellipse fills 0.44 of each axis on each side). */
    public static double tissueFraction() {
        return Math.PI * 0.44 * 0.44;
    }










    @Override
    public ArrayImg<ARGBType, IntArray> readRegion(int level, long x, long y, int w, int h) {
        SlideLevel l = levels().get(level);
        double ds = l.downsample();
        int[] out = new int[w * h];
        double cx = width / 2.0;
        double cy = height / 2.0;
        double ax = 0.44 * width;
        double ay = 0.44 * height;
        for (int j = 0; j < h; j++) {
            long ly = y + j;
            if (ly < 0 || ly >= l.height()) {
                continue;
            }
            double y0 = (ly + 0.5) * ds;
            double ey = (y0 - cy) / ay;
            for (int i = 0; i < w; i++) {
                long lx = x + i;
                if (lx < 0 || lx >= l.width()) {
                    continue;
                }
                double x0 = (lx + 0.5) * ds;
                double ex = (x0 - cx) / ax;
                out[j * w + i] = ex * ex + ey * ey > 1 ? GLASS : tissue(x0, y0, lx, ly);
            }
        }
        return ArrayImgs.argbs(out, w, h);
    }

    private int tissue(double x0, double y0, long lx, long ly) {
        double xm = x0 * micronsPerPixel;
        double ym = y0 * micronsPerPixel;
        long gx = (long) Math.floor(xm / CELL_MICRONS);
        long gy = (long) Math.floor(ym / CELL_MICRONS);
        long h = mix(seed ^ (gx * 0x9E3779B97F4A7C15L) ^ (gy * 0xC2B2AE3D27D4EB4FL));
        int grain = (int) (mix(lx * 31 + ly * 0x632BE59BD9B4E019L) & 15) - 8;
        if ((h & 1) == 0) {
            // Half of the cells hold a glomerulus, jittered by up to +-100 um, radius 50-90 um.
            double gxm = (gx + 0.5) * CELL_MICRONS + ((h >>> 8) & 0xff) / 255.0 * 200 - 100;
            double gym = (gy + 0.5) * CELL_MICRONS + ((h >>> 16) & 0xff) / 255.0 * 200 - 100;
            double r = 50 + ((h >>> 24) & 0xff) / 255.0 * 40;
            double dx = xm - gxm;
            double dy = ym - gym;
            if (dx * dx + dy * dy <= r * r) {
                boolean sclerosed = ((h >>> 40) & 3) == 0;
                return sclerosed ? rgb(170 + grain, 70 + grain, 130 + grain) : rgb(130 + grain, 70 + grain, 170 + grain);
            }
        }
        return rgb(225 + grain, 175 + grain, 210 + grain);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int rgb(int r, int g, int b) {
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }

    @Override
    public void close() {
    }
}
