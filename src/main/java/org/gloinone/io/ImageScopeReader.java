package org.gloinone.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads Aperio ImageScope annotation XML: ours and those ImageScope (or scripts imitating it) write,
 * with any number of layers and ellipse (Type 2), rectangle (Type 1), polygon/free-hand (Type 0),
 * arrow and ruler regions. Where a file carries a {@code GeoShape} attribute (QuPath export scripts do),
 * it decides the shape.
 *
 * <p>Hardened against hostile files: DOCTYPE declarations are refused outright (so no external
 * entities, no entity expansion bombs, no network access), and files above a size limit are refused
 * before parsing.
 */
public final class ImageScopeReader {
    /** Default largest file accepted: 256 MiB (a slide with many detailed outlines stays far below). */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final long maxBytes;

    /** A reader with the {@link #DEFAULT_MAX_BYTES} limit. */
    public ImageScopeReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest file accepted, in bytes */
    public ImageScopeReader(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max-bytes must be >= 1, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** What an ImageScope file holds. */
    public record Contents(OptionalDouble micronsPerPixel, List<AnnotationRegion> regions) {
        public Contents {
            regions = List.copyOf(regions);
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws ResultFileException if it is too large, not well-formed, has a DOCTYPE, or is not ImageScope XML
     */
    public Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ResultFileException(file, "is " + size + " bytes, more than the limit of " + maxBytes
                    + " for ImageScope annotations");
        }
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = hardenedBuilder().parse(in);
        } catch (SAXException e) {
            throw new ResultFileException(file, "not valid ImageScope XML (" + e.getMessage() + ")", e);
        } catch (ParserConfigurationException e) {
            throw new ResultFileException(file, "no secure XML parser available (" + e.getMessage() + ")", e);
        }
        Element root = doc.getDocumentElement();
        if (!"Annotations".equals(root.getTagName())) {
            throw new ResultFileException(file, "root element is <" + root.getTagName()
                    + ">, not ImageScope's <Annotations>");
        }
        OptionalDouble mpp = OptionalDouble.empty();
        double m = number(root.getAttribute("MicronsPerPixel"), file, "MicronsPerPixel", Double.NaN);
        if (m > 0) {
            mpp = OptionalDouble.of(m);
        }
        List<AnnotationRegion> regions = new ArrayList<>();
        for (Element layer : children(root, "Annotation")) {
            String name = layer.getAttribute("Name");
            for (Element regionsElement : children(layer, "Regions")) {
                for (Element region : children(regionsElement, "Region")) {
                    regions.add(region(file, name, region));
                }
            }
        }
        return new Contents(mpp, regions);
    }

    private static AnnotationRegion region(Path file, String layer, Element region) throws ResultFileException {
        List<double[]> points = new ArrayList<>();
        for (Element vertices : children(region, "Vertices")) {
            for (Element v : children(vertices, "Vertex")) {
                points.add(new double[] {number(v.getAttribute("X"), file, "Vertex X", Double.NaN),
                    number(v.getAttribute("Y"), file, "Vertex Y", Double.NaN)});
            }
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new ResultFileException(file, "region " + region.getAttribute("Id") + " has a vertex without X/Y");
            }
        }
        int id = (int) number(region.getAttribute("Id"), file, "Region Id", 0);
        int type = (int) number(region.getAttribute("Type"), file, "Region Type", TYPE_UNKNOWN);
        RegionShape shape = shape(type, region.getAttribute("GeoShape"), xs, ys);
        return new AnnotationRegion(layer, id, shape, region.getAttribute("Text"), xs, ys);
    }

    private static final int TYPE_UNKNOWN = -1;

    /** Region kinds as ImageScope numbers them: 0 free-hand, 1 rectangle, 2 ellipse, 3 arrow, 4 ruler. */
    static RegionShape shape(int type, String geoShape, double[] xs, double[] ys) {
        switch (geoShape.toLowerCase(Locale.ROOT)) {
            case "ellipse":
                return RegionShape.ELLIPSE;
            case "rectangle":
                return RegionShape.RECTANGLE;
            case "points":
                return RegionShape.POINTS;
            case "polygon":
            case "area":
                return RegionShape.POLYGON;
            case "line":
            case "polyline":
                return RegionShape.LINE;
            default:
                break;
        }
        switch (type) {
            case ImageScopeXml.TYPE_ELLIPSE:
                return RegionShape.ELLIPSE;
            case ImageScopeXml.TYPE_RECTANGLE:
                // Some exporters write free-hand outlines as Type 1; only an axis-aligned box is a rectangle.
                return isBox(xs, ys) ? RegionShape.RECTANGLE : RegionShape.POLYGON;
            case 3:
            case 4:
                return RegionShape.LINE;
            default:
                return RegionShape.POLYGON;
        }
    }

    private static boolean isBox(double[] xs, double[] ys) {
        if (xs.length == 2) {
            return true;
        }
        if (xs.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            if (xs[i] != xs[j] && ys[i] != ys[j]) {
                return false;
            }
        }
        return true;
    }

    private static double number(String text, Path file, String what, double missing) throws ResultFileException {
        if (text == null || text.isBlank()) {
            return missing;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ResultFileException(file, what + " is not a number: '" + text + "'", e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                list.add(e);
            }
        }
        return list;
    }

    /** A DOM builder that refuses DOCTYPEs and never resolves anything external (OWASP XXE guidance). */
    static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        // Silence the default error handler's stderr printing; errors still arrive as exceptions.
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return b;
    }
}
