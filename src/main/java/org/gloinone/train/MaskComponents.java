package org.gloinone.train;

import java.util.ArrayList;
import java.util.List;

import org.gloinone.detect.Circle;

/** Connected components of a binary mask (4-connected), each summarised as the circle around its bounding box. */
public final class MaskComponents {
    private MaskComponents() {
    }

    /**
     * Circles around the components of {@code mask} (value above 0.5) of at least {@code minArea} pixels: centre at the
     * bounding-box centre, radius half the longer box side, which encloses the glomerulus as CircleNet's boxes do.
     */
    public static List<Circle> circles(FloatImage mask, int minArea) {
        int w = mask.width();
        int h = mask.height();
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<Circle> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (label[start] != 0 || mask.data()[start * mask.channels()] <= 0.5f) {
                continue;
            }
            next++;
            int sp = 0;
            stack[sp++] = start;
            label[start] = next;
            int area = 0;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            while (sp > 0) {
                int p = stack[--sp];
                int x = p % w;
                int y = p / w;
                area++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                int[] nb = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
                for (int q : nb) {
                    if (q >= 0 && label[q] == 0 && mask.data()[q * mask.channels()] > 0.5f) {
                        label[q] = next;
                        stack[sp++] = q;
                    }
                }
            }
            if (area >= minArea) {
                out.add(new Circle((x0 + x1 + 1) / 2.0, (y0 + y1 + 1) / 2.0, Math.max(x1 - x0 + 1, y1 - y0 + 1) / 2.0));
            }
        }
        return out;
    }
}
