package org.gloinone.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy circle non-maximum suppression over a whole slide: detections are visited from the highest
 * score down, and one is kept unless its circle IoU with an already kept circle exceeds the threshold
 * (CircleNet; Glo-In-One uses 0.35). Ties in score are broken by position (top to bottom, left to right,
 * then the smaller radius), so the result does not depend on the order of the input.
 */
public final class CircleNms {
    /** The order in which detections are considered: score descending, then a stable geometric order. */
    public static final Comparator<Detection> ORDER = Comparator
            .comparingDouble(Detection::score).reversed()
            .thenComparingDouble(d -> d.circle().centerY())
            .thenComparingDouble(d -> d.circle().centerX())
            .thenComparingDouble(d -> d.circle().radius());

    private final double iouThreshold;

    /**
     * @param iouThreshold a detection whose IoU with a kept one is above this is suppressed, in [0, 1]
     */
    public CircleNms(double iouThreshold) {
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("nms-iou must be in [0, 1], got " + iouThreshold);
        }
        this.iouThreshold = iouThreshold;
    }

    /** The kept detections, highest score first (in {@link #ORDER}). */
    public List<Detection> suppress(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(ORDER);
        double maxRadius = 0;
        for (Detection d : sorted) {
            maxRadius = Math.max(maxRadius, d.circle().radius());
        }
        // Kept circles are bucketed on a grid whose cell is one largest diameter, so only the 3x3
        // neighbouring cells can hold a circle that overlaps a candidate.
        double cell = Math.max(1, 2 * maxRadius);
        Map<Long, List<Circle>> grid = new HashMap<>();
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            Circle c = d.circle();
            long cx = (long) Math.floor(c.centerX() / cell);
            long cy = (long) Math.floor(c.centerY() / cell);
            if (!overlapsKept(c, cx, cy, grid)) {
                kept.add(d);
                grid.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(c);
            }
        }
        return List.copyOf(kept);
    }

    private boolean overlapsKept(Circle c, long cx, long cy, Map<Long, List<Circle>> grid) {
        for (long gy = cy - 1; gy <= cy + 1; gy++) {
            for (long gx = cx - 1; gx <= cx + 1; gx++) {
                List<Circle> bucket = grid.get(key(gx, gy));
                if (bucket == null) {
                    continue;
                }
                for (Circle k : bucket) {
                    if (CircleIou.of(c, k) > iouThreshold) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long key(long gx, long gy) {
        return (gx << 32) ^ (gy & 0xffffffffL);
    }
}
