package org.gloinone.train;

import java.util.List;

import org.gloinone.detect.Circle;

/**
 * CircleNet training targets for circles in input pixels (continuous coordinates): at output stride s, a circle
 * centred at (x, y) belongs to cell (floor(x/s), floor(y/s)); the heatmap is a Gaussian around that cell, exactly
 * 1 there; the offset is (x/s - column, y/s - row); the radius is r/s in output cells; the mask marks the cells.
 */
public final class CenterTargets {
    private CenterTargets() {
    }

    /**
     * Fills the targets of one image into arrays at {@code base} (heatmap, radius and mask: base = index * cells;
     * offset: 2 * base).
     *
     * @param cellsX output width
     * @param cellsY output height
     */
    public static void fill(List<Circle> circles, int stride, int cellsX, int cellsY, float[] heatmap,
                            float[] offset, float[] radius, float[] mask, int base) {
        for (Circle c : circles) {
            double fx = c.centerX() / stride;
            double fy = c.centerY() / stride;
            int ix = (int) Math.floor(fx);
            int iy = (int) Math.floor(fy);
            if (ix < 0 || iy < 0 || ix >= cellsX || iy >= cellsY) {
                continue;
            }
            double rc = c.radius() / stride;
            double sigma = Math.max(0.8, rc / 4);
            int reach = (int) Math.ceil(3 * sigma);
            for (int y = Math.max(0, iy - reach); y <= Math.min(cellsY - 1, iy + reach); y++) {
                for (int x = Math.max(0, ix - reach); x <= Math.min(cellsX - 1, ix + reach); x++) {
                    double g = Math.exp(-((x - ix) * (x - ix) + (y - iy) * (y - iy)) / (2 * sigma * sigma));
                    int k = base + y * cellsX + x;
                    heatmap[k] = Math.max(heatmap[k], (float) g);
                }
            }
            int k = base + iy * cellsX + ix;
            heatmap[k] = 1f;
            offset[2 * k] = (float) (fx - ix);
            offset[2 * k + 1] = (float) (fy - iy);
            radius[k] = (float) rc;
            mask[k] = 1f;
        }
    }
}
