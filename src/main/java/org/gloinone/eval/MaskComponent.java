package org.gloinone.eval;

import org.gloinone.detect.Circle;

/**
 * One 8-connected component of a mask: one annotated glomerulus (or a fragment of one).
 * <p>
 * Coordinates are continuous image coordinates: pixel (i, j) covers [i, i+1) x [j, j+1), so its centre is
 * (i + 0.5, j + 0.5), as for ImageJ ROIs and the pipeline's circles.
 */
public final class MaskComponent {
    private final int left;
    private final int top;
    private final int boxWidth;
    private final int boxHeight;
    private final boolean[] inBox;
    private final long area;
    private final double centroidX;
    private final double centroidY;

    MaskComponent(int left, int top, int boxWidth, int boxHeight, boolean[] inBox, long area,
                  double centroidX, double centroidY) {
        this.left = left;
        this.top = top;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.inBox = inBox;
        this.area = area;
        this.centroidX = centroidX;
        this.centroidY = centroidY;
    }

    /** Number of pixels. */
    public long area() {
        return area;
    }

    /** Mean x of the pixel centres. */
    public double centroidX() {
        return centroidX;
    }

    /** Mean y of the pixel centres. */
    public double centroidY() {
        return centroidY;
    }

    /** Left edge of the bounding box, in pixels. */
    public int left() {
        return left;
    }

    /** Top edge of the bounding box, in pixels. */
    public int top() {
        return top;
    }

    /** Bounding-box width in pixels. */
    public int boxWidth() {
        return boxWidth;
    }

    /** Bounding-box height in pixels. */
    public int boxHeight() {
        return boxHeight;
    }

    /** Whether the pixel holding the point ({@code x}, {@code y}) belongs to this component. */
    public boolean contains(double x, double y) {
        int i = (int) Math.floor(x) - left;
        int j = (int) Math.floor(y) - top;
        return i >= 0 && j >= 0 && i < boxWidth && j < boxHeight && inBox[j * boxWidth + i];
    }

    /** The circle at the centroid with the same area as the component (the paper's circle ground truth). */
    public Circle equalAreaCircle() {
        return new Circle(centroidX, centroidY, Math.sqrt(area / Math.PI));
    }

    /** This component alone, as a mask of {@code width x height} (the image it came from). */
    public BinaryMask toMask(int width, int height) {
        boolean[] p = new boolean[width * height];
        for (int j = 0; j < boxHeight; j++) {
            int y = top + j;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int i = 0; i < boxWidth; i++) {
                int x = left + i;
                if (x >= 0 && x < width && inBox[j * boxWidth + i]) {
                    p[y * width + x] = true;
                }
            }
        }
        return new BinaryMask(width, height, p);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "MaskComponent[%d px at (%.2f, %.2f)]", area, centroidX, centroidY);
    }
}
