package org.gloinone.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;

/**
 * The overlay picture ({@code <slide>-overlay.png}): the slide thumbnail with every glomerulus circled
 * in its class colour, mask outlines in white, and a legend of class names and counts in the bottom-right corner. Drawn
 * off-screen with Java2D, so it works headless.
 */
public final class OverlayWriter {
    /** Longest side of the overlay in pixels; larger thumbnails are scaled down. */
    public static final int MAX_SIDE = 2048;

    private OverlayWriter() {
    }

    /** Draws the overlay and writes it as PNG to {@code file} (atomically). */
    public static void write(SlideResult result, Thumbnail thumbnail, Path file) throws IOException {
        PatchWriter.writePng(draw(result, thumbnail), file);
    }

    /** Draws the overlay. */
    public static BufferedImage draw(SlideResult result, Thumbnail thumbnail) {
        double shrink = Math.min(1.0, (double) MAX_SIDE / Math.max(thumbnail.width(), thumbnail.height()));
        int w = Math.max(1, (int) Math.round(thumbnail.width() * shrink));
        int h = Math.max(1, (int) Math.round(thumbnail.height() * shrink));
        double scale = shrink / thumbnail.downsample(); // overlay pixels per level-0 pixel
        BufferedImage source = new BufferedImage(thumbnail.width(), thumbnail.height(), BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, thumbnail.width(), thumbnail.height(), thumbnail.argb(), 0, thumbnail.width());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            ClassColors colors = ClassColors.of(result);
            float stroke = (float) Math.max(2.0, Math.max(w, h) / 600.0);
            g.setStroke(new BasicStroke(stroke));
            for (GlomerulusResult glom : result.glomeruli()) {
                glom.outline().ifPresent(o -> {
                    g.setColor(Color.WHITE);
                    g.draw(path(o, scale));
                });
                Circle c = glom.detection().circle();
                g.setColor(new Color(colors.rgb(glom.className())));
                g.draw(new Ellipse2D.Double((c.centerX() - c.radius()) * scale, (c.centerY() - c.radius()) * scale,
                        2 * c.radius() * scale, 2 * c.radius() * scale));
            }
            drawLegend(g, result.countsByClass(), colors, w, h);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Path2D path(Outline o, double scale) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(o.x(0) * scale, o.y(0) * scale);
        for (int i = 1; i < o.size(); i++) {
            p.lineTo(o.x(i) * scale, o.y(i) * scale);
        }
        p.closePath();
        return p;
    }

    private static void drawLegend(Graphics2D g, Map<String, Integer> counts, ClassColors colors, int w, int h) {
        int size = Math.max(12, Math.min(w, h) / 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        FontMetrics fm = g.getFontMetrics();
        List<Map.Entry<String, Integer>> rows = List.copyOf(counts.entrySet());
        int line = fm.getHeight();
        int textWidth = 0;
        for (Map.Entry<String, Integer> e : rows) {
            textWidth = Math.max(textWidth, fm.stringWidth(e.getKey() + ": " + e.getValue()));
        }
        int pad = size / 2;
        int box = fm.getAscent();
        int legendW = pad * 3 + box + textWidth;
        int legendH = pad * 2 + line * rows.size();
        // bottom-right corner: slides usually have background there, and it keeps clear of the label end
        int x0 = Math.max(0, w - legendW - pad);
        int y0 = Math.max(0, h - legendH - pad);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x0, y0, legendW, legendH);
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, Integer> e = rows.get(i);
            int y = y0 + pad + i * line;
            g.setColor(new Color(colors.rgb(e.getKey())));
            g.fillRect(x0 + pad, y + (line - box) / 2, box, box);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey() + ": " + e.getValue(), x0 + pad * 2 + box, y + fm.getAscent());
        }
    }
}
