package org.gloinone.detect;

import java.io.IOException;

import org.gloinone.slide.Slide;

/**
 * Where a slide holds tissue, from one low-resolution read (about 16-32 um/px): a pixel is tissue when
 * its saturation is above an Otsu threshold or its brightness below one (stained tissue is coloured
 * and darker than glass), then holes enclosed by tissue (lumina, glomerular spaces) are filled. The
 * thresholds are clamped to plausible ranges so that a slide that is all tissue or all glass is not
 * split in two by Otsu. Pixels outside the scanned area (transparent) and near-black ones (scanner
 * borders, pen) are never tissue.
 */
public final class TissueMask {
    /** The resolution the mask is built at when the slide's um/px is known. */
    public static final double DEFAULT_MICRONS_PER_PIXEL = 16.0;
    /** The downsample used when the slide does not know its um/px. */
    public static final double FALLBACK_DOWNSAMPLE = 32.0;
    /**
     * Most mask pixels: 16 M, a 64 x 64 mm scan at 16 um/px. A larger slide gets a coarser mask, so memory stays
     * bounded (about 60 bytes per mask pixel while it is built) whatever size a file declares.
     */
    public static final long MAX_PIXELS = 16L << 20;

    private static final double MIN_SATURATION_THRESHOLD = 0.05;
    private static final double MAX_SATURATION_THRESHOLD = 0.20;
    private static final double MIN_BRIGHTNESS_THRESHOLD = 0.60;
    private static final double MAX_BRIGHTNESS_THRESHOLD = 0.88;
    private static final double BLACK = 0.08;

    private final boolean[] tissue;
    private final int width;
    private final int height;
    private final double scaleX; // level-0 px per mask px
    private final double scaleY;
    private final long[] integral; // (width+1) x (height+1) summed-area table of tissue pixels

    private TissueMask(boolean[] tissue, int width, int height, double scaleX, double scaleY) {
        this.tissue = tissue;
        this.width = width;
        this.height = height;
        this.scaleX = scaleX;
        this.scaleY = scaleY;
        this.integral = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += tissue[y * width + x] ? 1 : 0;
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + rowSum;
            }
        }
    }

    /**
     * Builds the mask of a slide at about {@link #DEFAULT_MICRONS_PER_PIXEL}, or at
     * {@link #FALLBACK_DOWNSAMPLE} when the slide does not know its pixel size.
     *
     * @throws IOException if the slide cannot be read
     */
    public static TissueMask of(Slide slide) throws IOException {
        double downsample = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent()
                ? DEFAULT_MICRONS_PER_PIXEL / slide.requireMicronsPerPixel()
                : FALLBACK_DOWNSAMPLE;
        return of(slide, Math.max(1, downsample));
    }

    /**
     * Builds the mask of a slide read at {@code downsample} level-0 pixels per mask pixel, or coarser when that
     * would exceed {@link #MAX_PIXELS}.
     *
     * @throws IOException if the slide cannot be read
     */
    public static TissueMask of(Slide slide, double downsample) throws IOException {
        long w0 = slide.levels().get(0).width();
        long h0 = slide.levels().get(0).height();
        downsample = Math.max(downsample, Math.sqrt((double) w0 * h0 / MAX_PIXELS));
        int w = (int) Math.max(1, Math.round(w0 / downsample));
        int h = (int) Math.max(1, Math.round(h0 / downsample));
        int[] argb = slide.readScaled(0, 0, w0, h0, w, h).update(null).getCurrentStorageArray();
        return fromPixels(argb, w, h, (double) w0 / w, (double) h0 / h);
    }

    /**
     * Builds the mask of an ARGB image whose pixels each cover {@code scaleX x scaleY} level-0 pixels.
     */
    public static TissueMask fromPixels(int[] argb, int width, int height, double scaleX, double scaleY) {
        if (argb.length != (long) width * height) {
            throw new IllegalArgumentException("image has " + argb.length + " pixels, expected " + width + "x" + height);
        }
        int n = argb.length;
        float[] saturation = new float[n];
        float[] brightness = new float[n];
        boolean[] valid = new boolean[n];
        int[] satHistogram = new int[256];
        int[] valHistogram = new int[256];
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            brightness[i] = max / 255f;
            saturation[i] = max == 0 ? 0 : (max - min) / (float) max;
            valid[i] = (p >>> 24) != 0 && brightness[i] > BLACK;
            if (valid[i]) {
                satHistogram[Math.round(saturation[i] * 255)]++;
                valHistogram[max]++;
            }
        }
        double satThreshold = clamp(otsu(satHistogram) / 255.0, MIN_SATURATION_THRESHOLD, MAX_SATURATION_THRESHOLD);
        double valThreshold = clamp(otsu(valHistogram) / 255.0, MIN_BRIGHTNESS_THRESHOLD, MAX_BRIGHTNESS_THRESHOLD);
        boolean[] tissue = new boolean[n];
        for (int i = 0; i < n; i++) {
            tissue[i] = valid[i] && (saturation[i] > satThreshold || brightness[i] < valThreshold);
        }
        fillHoles(tissue, width, height);
        return new TissueMask(tissue, width, height, scaleX, scaleY);
    }

    /** The Otsu threshold of a 256-bin histogram: the bin that maximises between-class variance. */
    static int otsu(int[] histogram) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < histogram.length; i++) {
            total += histogram[i];
            sum += (double) i * histogram[i];
        }
        if (total == 0) {
            return 0;
        }
        double sumBelow = 0;
        long countBelow = 0;
        double best = -1;
        int threshold = 0;
        for (int t = 0; t < histogram.length; t++) {
            countBelow += histogram[t];
            if (countBelow == 0) {
                continue;
            }
            long countAbove = total - countBelow;
            if (countAbove == 0) {
                break;
            }
            sumBelow += (double) t * histogram[t];
            double meanBelow = sumBelow / countBelow;
            double meanAbove = (sum - sumBelow) / countAbove;
            double between = (double) countBelow * countAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /** Background not reachable from the image border (4-connected) is a hole and becomes tissue. */
    private static void fillHoles(boolean[] tissue, int width, int height) {
        boolean[] outside = new boolean[tissue.length];
        int[] stack = new int[tissue.length];
        int top = 0;
        for (int x = 0; x < width; x++) {
            top = seed(tissue, outside, stack, top, x);
            top = seed(tissue, outside, stack, top, (height - 1) * width + x);
        }
        for (int y = 0; y < height; y++) {
            top = seed(tissue, outside, stack, top, y * width);
            top = seed(tissue, outside, stack, top, y * width + width - 1);
        }
        while (top > 0) {
            int i = stack[--top];
            int x = i % width;
            int y = i / width;
            if (x > 0) {
                top = seed(tissue, outside, stack, top, i - 1);
            }
            if (x < width - 1) {
                top = seed(tissue, outside, stack, top, i + 1);
            }
            if (y > 0) {
                top = seed(tissue, outside, stack, top, i - width);
            }
            if (y < height - 1) {
                top = seed(tissue, outside, stack, top, i + width);
            }
        }
        for (int i = 0; i < tissue.length; i++) {
            tissue[i] = !outside[i];
        }
    }

    private static int seed(boolean[] tissue, boolean[] outside, int[] stack, int top, int i) {
        if (!tissue[i] && !outside[i]) {
            outside[i] = true;
            stack[top++] = i;
        }
        return top;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Mask width in pixels. */
    public int width() {
        return width;
    }

    /** Mask height in pixels. */
    public int height() {
        return height;
    }

    /** Whether mask pixel ({@code x}, {@code y}) is tissue. */
    public boolean isTissue(int x, int y) {
        return tissue[y * width + x];
    }

    /** Number of tissue pixels in the mask. */
    public long tissuePixels() {
        return integral[integral.length - 1];
    }

    /** Tissue area in square level-0 pixels. */
    public double tissueAreaPixels0() {
        return tissuePixels() * scaleX * scaleY;
    }

    /** Tissue area in mm^2 for a slide of {@code micronsPerPixel} at level 0. */
    public double tissueAreaMm2(double micronsPerPixel) {
        return tissueAreaPixels0() * micronsPerPixel * micronsPerPixel / 1e6;
    }

    /**
     * The fraction of a level-0 rectangle that is tissue (mask pixels counted when their centre lies
     * inside the rectangle; the nearest pixel when none does). Parts outside the slide count as glass.
     */
    public double tissueFraction(double x0, double y0, double w0, double h0) {
        int ax = (int) Math.ceil(x0 / scaleX - 0.5);
        int bx = (int) Math.ceil((x0 + w0) / scaleX - 0.5);
        int ay = (int) Math.ceil(y0 / scaleY - 0.5);
        int by = (int) Math.ceil((y0 + h0) / scaleY - 0.5);
        if (bx <= ax) {
            bx = ax + 1;
        }
        if (by <= ay) {
            by = ay + 1;
        }
        long cells = (long) (bx - ax) * (by - ay);
        int cx0 = Math.max(0, Math.min(width, ax));
        int cx1 = Math.max(0, Math.min(width, bx));
        int cy0 = Math.max(0, Math.min(height, ay));
        int cy1 = Math.max(0, Math.min(height, by));
        long count = integral[cy1 * (width + 1) + cx1] - integral[cy0 * (width + 1) + cx1]
                - integral[cy1 * (width + 1) + cx0] + integral[cy0 * (width + 1) + cx0];
        return (double) count / cells;
    }

    /** The fraction of a tile that is tissue. */
    public double tissueFraction(Tile tile) {
        return tissueFraction(tile.x0(), tile.y0(), tile.size0(), tile.size0());
    }
}
