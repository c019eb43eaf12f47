package org.gloinone.slide;

import java.io.IOException;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * Reads a level-0 rectangle of a slide at any output size. It reads from the coarsest level that is
 * still at least as fine as the output (so detail is never invented), then area-averages when shrinking
 * and interpolates bilinearly when enlarging. Work proceeds in horizontal strips, so memory stays
 * bounded even on a single-level slide.
 */
final class RegionResampler {
    /** Source pixels read at once, bounding memory at about 16 M pixels (64 MB) per strip. */
    private static final long MAX_STRIP_PIXELS = 16L << 20;

    private RegionResampler() {
    }

    static ArrayImg<ARGBType, IntArray> read(Slide slide, double x0, double y0, double w0, double h0,
                                             int outWidth, int outHeight) throws IOException {
        if (!(w0 > 0 && h0 > 0) || outWidth < 1 || outHeight < 1) {
            throw new IllegalArgumentException("region " + w0 + "x" + h0 + " to " + outWidth + "x" + outHeight
                    + " must have positive sizes");
        }
        double downsample = Math.min(w0 / outWidth, h0 / outHeight);
        int level = slide.bestLevelForDownsample(downsample);
        double ds = slide.levels().get(level).downsample();
        ResampleKernel kx = ResampleKernel.of(x0 / ds, w0 / ds, outWidth);
        ResampleKernel ky = ResampleKernel.of(y0 / ds, h0 / ds, outHeight);

        int[] out = new int[outWidth * outHeight];
        int rowsPerStrip = (int) Math.max(1, Math.min(outHeight,
                MAX_STRIP_PIXELS / Math.max(1, (long) kx.sourceLength() * Math.max(1, ky.sourceLength() / outHeight + 2))));
        for (int row0 = 0; row0 < outHeight; row0 += rowsPerStrip) {
            int rows = Math.min(rowsPerStrip, outHeight - row0);
            resampleStrip(slide, level, kx, ky, row0, rows, outWidth, out);
        }
        return ArrayImgs.argbs(out, outWidth, outHeight);
    }

    private static void resampleStrip(Slide slide, int level, ResampleKernel kx, ResampleKernel ky,
                                      int row0, int rows, int outWidth, int[] out) throws IOException {
        int srcY0 = Integer.MAX_VALUE;
        int srcY1 = Integer.MIN_VALUE;
        for (int r = row0; r < row0 + rows; r++) {
            int s = ky.sourceStart + ky.first[r];
            srcY0 = Math.min(srcY0, s);
            srcY1 = Math.max(srcY1, s + ky.weights[r].length);
        }
        int srcW = kx.sourceLength();
        int srcH = srcY1 - srcY0;
        if (slide.isEmpty(level, kx.sourceStart, srcY0, srcW, srcH)) {
            return; // nothing stored there: the output rows stay transparent, at no cost
        }
        int[] src = slide.readRegion(level, kx.sourceStart, srcY0, srcW, srcH).update(null).getCurrentStorageArray();

        // Horizontal pass: srcH rows x outWidth columns, four channels.
        float[] horizontal = new float[srcH * outWidth * 4];
        for (int y = 0; y < srcH; y++) {
            int rowBase = y * srcW;
            for (int x = 0; x < outWidth; x++) {
                float a = 0, r = 0, g = 0, b = 0;
                float[] w = kx.weights[x];
                int s0 = rowBase + kx.first[x];
                for (int k = 0; k < w.length; k++) {
                    int p = src[s0 + k];
                    a += w[k] * (p >>> 24);
                    r += w[k] * ((p >> 16) & 0xff);
                    g += w[k] * ((p >> 8) & 0xff);
                    b += w[k] * (p & 0xff);
                }
                int o = (y * outWidth + x) * 4;
                horizontal[o] = a;
                horizontal[o + 1] = r;
                horizontal[o + 2] = g;
                horizontal[o + 3] = b;
            }
        }
        // Vertical pass into the output rows of this strip.
        for (int row = row0; row < row0 + rows; row++) {
            float[] w = ky.weights[row];
            int s0 = ky.sourceStart + ky.first[row] - srcY0;
            for (int x = 0; x < outWidth; x++) {
                float a = 0, r = 0, g = 0, b = 0;
                for (int k = 0; k < w.length; k++) {
                    int o = ((s0 + k) * outWidth + x) * 4;
                    a += w[k] * horizontal[o];
                    r += w[k] * horizontal[o + 1];
                    g += w[k] * horizontal[o + 2];
                    b += w[k] * horizontal[o + 3];
                }
                out[row * outWidth + x] = (clamp(a) << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(255, i);
    }
}
