package org.gloinone.pipeline;

import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.gloinone.slide.InMemorySlide;

/**
 * A generated two-level slide (downsample 3) at 0.5 um/px: glass, one rectangle of pink tissue, and
 * round "glomeruli" in purple (more blue: normal; more red: sclerosed) plus one grey blob that is not
 * a glomerulus.
 */
final class SyntheticSlide {
    static final double MPP = 0.5;
    static final int GLASS = rgb(244, 242, 245);
    static final int TISSUE = rgb(225, 175, 210);
    static final int NORMAL = rgb(130, 70, 170);
    static final int SCLEROSED = rgb(170, 70, 130);
    static final int GREY = rgb(100, 100, 100);

    /** A drawn disc: centre and radius in micrometres, and its class ("non_glomerular" for the blob). */
    record Disc(double xMicrons, double yMicrons, double radiusMicrons, String className) {
        Circle circleLevel0() {
            return new Circle(xMicrons / MPP, yMicrons / MPP, radiusMicrons / MPP);
        }
    }

    static final List<Disc> DISCS = List.of(
            new Disc(300, 300, 70, "normal"),
            new Disc(750, 320, 60, "sclerosed"),
            new Disc(1150, 280, 80, "normal"),
            new Disc(320, 800, 85, "normal"),
            new Disc(760, 760, 55, "sclerosed"),
            new Disc(1180, 820, 75, "normal"),
            new Disc(560, 1020, 45, "non_glomerular"));

    /** Tissue rectangle in micrometres: x 100-1400, y 80-1120. */
    static final double TISSUE_AREA_MM2 = 1.300 * 1.040;

    /** 3000 x 1200 um: tissue on the left half, glass on the right. */
    static final int WIDTH_MICRONS = 3000;
    static final int HEIGHT_MICRONS = 1200;

    private SyntheticSlide() {
    }

    static InMemorySlide create() {
        int w = (int) (WIDTH_MICRONS / MPP);
        int h = (int) (HEIGHT_MICRONS / MPP);
        InMemorySlide slide = new InMemorySlide(draw(w, h, 1), w, h, OptionalDouble.of(MPP));
        slide.addLevel(draw(w / 3, h / 3, 3), w / 3, h / 3, 3.0);
        return slide;
    }

    private static int[] draw(int w, int h, double downsample) {
        int[] px = new int[w * h];
        double micronsPerPixel = MPP * downsample;
        for (int y = 0; y < h; y++) {
            double ym = (y + 0.5) * micronsPerPixel;
            for (int x = 0; x < w; x++) {
                double xm = (x + 0.5) * micronsPerPixel;
                int colour = xm >= 100 && xm < 1400 && ym >= 80 && ym < 1120 ? TISSUE : GLASS;
                for (Disc d : DISCS) {
                    double dx = xm - d.xMicrons();
                    double dy = ym - d.yMicrons();
                    if (dx * dx + dy * dy <= d.radiusMicrons() * d.radiusMicrons()) {
                        colour = switch (d.className()) {
                            case "normal" -> NORMAL;
                            case "sclerosed" -> SCLEROSED;
                            default -> GREY;
                        };
                    }
                }
                px[y * w + x] = colour;
            }
        }
        return px;
    }

    private static int rgb(int r, int g, int b) {
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
