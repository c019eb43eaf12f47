package org.gloinone.slide.imagej;

import java.util.OptionalDouble;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;

import org.w3c.dom.Node;

/** The pixel size a PNG declares in its pHYs chunk, read through the standard Image I/O metadata tree. */
final class PngPixelSize {
    private PngPixelSize() {
    }

    /**
     * Micrometres per pixel (mean of x and y) from the standard {@code Dimension/HorizontalPixelSize}
     * and {@code VerticalPixelSize} (millimetres per pixel), which the PNG reader fills only from a pHYs
     * chunk whose unit is the metre; empty when absent.
     */
    static OptionalDouble micronsPerPixel(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return OptionalDouble.empty();
        }
        Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        double h = millimetres(root, "HorizontalPixelSize");
        double v = millimetres(root, "VerticalPixelSize");
        if (!(h > 0) || !(v > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((h + v) / 2 * 1000);
    }

    private static double millimetres(Node root, String name) {
        for (Node d = root.getFirstChild(); d != null; d = d.getNextSibling()) {
            if (!"Dimension".equals(d.getNodeName())) {
                continue;
            }
            for (Node n = d.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (name.equals(n.getNodeName()) && n.getAttributes() != null
                        && n.getAttributes().getNamedItem("value") != null) {
                    try {
                        return Double.parseDouble(n.getAttributes().getNamedItem("value").getNodeValue());
                    } catch (NumberFormatException e) {
                        return Double.NaN;
                    }
                }
            }
        }
        return Double.NaN;
    }
}
