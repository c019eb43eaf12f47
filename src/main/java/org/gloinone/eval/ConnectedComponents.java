package org.gloinone.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a mask into its 8-connected components: each one is one glomerulus of a tile annotation.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /**
     * Labels the components of a mask.
     *
     * @return the components in raster order of their first (top-most, then left-most) pixel
     */
    public static List<MaskComponent> of(BinaryMask mask) {
        int w = mask.width();
        int h = mask.height();
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<MaskComponent> components = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (!mask.at(start) || label[start] != 0) {
                continue;
            }
            next++;
            // Iterative flood fill: glomeruli span tens of thousands of pixels, too deep for recursion.
            int sp = 0;
            stack[sp++] = start;
            label[start] = next;
            List<Integer> members = new ArrayList<>();
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            double sumX = 0;
            double sumY = 0;
            while (sp > 0) {
                int p = stack[--sp];
                members.add(p);
                int x = p % w;
                int y = p / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                sumX += x + 0.5;
                sumY += y + 0.5;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (mask.at(q) && label[q] == 0) {
                            label[q] = next;
                            stack[sp++] = q;
                        }
                    }
                }
            }
            int bw = maxX - minX + 1;
            int bh = maxY - minY + 1;
            boolean[] inBox = new boolean[bw * bh];
            for (int p : members) {
                inBox[(p / w - minY) * bw + (p % w - minX)] = true;
            }
            int n = members.size();
            components.add(new MaskComponent(minX, minY, bw, bh, inBox, n, sumX / n, sumY / n));
        }
        return components;
    }
}
