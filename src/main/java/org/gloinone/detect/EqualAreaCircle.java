package org.gloinone.detect;

/**
 * The one rule that turns a drawn or annotated region into the circle the pipeline classifies and segments:
 * the circle of equal area at the region's centroid. Every annotation reader and Fiji's ROI Manager use it.
 */
public final class EqualAreaCircle {
    private EqualAreaCircle() {
    }

    /** An axis-aligned ellipse given by its bounding box; radius sqrt(ab) for half-axes a and b. Null if flat. */
    public static Circle ofEllipse(double minX, double minY, double maxX, double maxY) {
        double w = maxX - minX;
        double h = maxY - minY;
        return w > 0 && h > 0 ? new Circle((minX + maxX) / 2, (minY + maxY) / 2, Math.sqrt(w * h) / 2) : null;
    }

    /** An axis-aligned rectangle; radius sqrt(wh / pi). Null if flat. */
    public static Circle ofRectangle(double minX, double minY, double maxX, double maxY) {
        double w = maxX - minX;
        double h = maxY - minY;
        return w > 0 && h > 0 ? new Circle((minX + maxX) / 2, (minY + maxY) / 2, Math.sqrt(w * h / Math.PI)) : null;
    }

    /** A simple polygon by the shoelace formula; null when it encloses no area. */
    public static Circle ofPolygon(double[] xs, double[] ys) {
        double twiceArea = 0;
        double cx = 0;
        double cy = 0;
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double cross = xs[i] * ys[j] - xs[j] * ys[i];
            twiceArea += cross;
            cx += (xs[i] + xs[j]) * cross;
            cy += (ys[i] + ys[j]) * cross;
        }
        double area = Math.abs(twiceArea) / 2;
        if (!(area > 1e-9)) {
            return null;
        }
        return new Circle(cx / (3 * twiceArea), cy / (3 * twiceArea), Math.sqrt(area / Math.PI));
    }
}
