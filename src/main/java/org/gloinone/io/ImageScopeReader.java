package org.gloinone.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.gloinone.detect.Circle;

/**
 * Reads Aperio ImageScope annotation XML: ours and those ImageScope (or scripts imitating it) write,
 * with any number of layers and ellipse (Type 2), rectangle (Type 1), polygon/free-hand (Type 0),
 * arrow and ruler regions. Where a file carries a {@code GeoShape} attribute (QuPath export scripts do),
 * it decides the shape.
 *
 * <p>Hardened against hostile files: DTDs are not processed and a DOCTYPE declaration is refused
 * outright (so no external entities, no entity expansion bombs, no network access), and files above a
 * size limit are refused before parsing. The file is streamed, not held as a DOM tree.
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

        /** The circles of the regions that enclose an area, in file order (see {@link AnnotationRegion#toCircle()}). */
        public List<Circle> circles() {
            return regions.stream().map(AnnotationRegion::toCircle).flatMap(Optional::stream).toList();
        }
    }

    /**
     * Reads {@code file}, streaming (memory grows with the regions, not with the file's markup).
     *
     * @throws ResultFileException if it is too large, not well-formed, has a DOCTYPE, or is not ImageScope XML
     */
    public Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ResultFileException(file, "is " + size + " bytes, more than the limit of " + maxBytes
                    + " for ImageScope annotations");
        }
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = hardenedFactory().createXMLStreamReader(in);
            try {
                return read(file, x);
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            throw new ResultFileException(file, "not valid ImageScope XML (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            // A region the model refuses (e.g. coordinates too large for a circle): name the file.
            throw new ResultFileException(file, "has an unusable region (" + e.getMessage() + ")", e);
        }
    }

    private static Contents read(Path file, XMLStreamReader x) throws XMLStreamException, ResultFileException {
        OptionalDouble mpp = OptionalDouble.empty();
        List<AnnotationRegion> regions = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        String layer = "";
        RegionBuilder region = null;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ResultFileException(file, "DOCTYPE is not allowed in ImageScope annotations");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (region != null && "Region".equals(x.getLocalName()) && path.size() == 4) {
                    regions.add(region.build());
                    region = null;
                }
                path.pop();
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String tag = x.getLocalName();
            String parent = path.peek();
            int depth = path.size();
            path.push(tag);
            if (depth == 0) {
                if (!"Annotations".equals(tag)) {
                    throw new ResultFileException(file, "root element is <" + tag
                            + ">, not ImageScope's <Annotations>");
                }
                double m = number(attribute(x, "MicronsPerPixel"), file, "MicronsPerPixel", Double.NaN);
                mpp = m > 0 ? OptionalDouble.of(m) : OptionalDouble.empty();
            } else if (depth == 1 && "Annotation".equals(tag)) {
                layer = attribute(x, "Name");
            } else if (depth == 3 && "Region".equals(tag) && "Regions".equals(parent)) {
                region = new RegionBuilder(file, layer, x);
            } else if (region != null && depth == 5 && "Vertex".equals(tag) && "Vertices".equals(parent)) {
                region.add(number(attribute(x, "X"), file, "Vertex X", Double.NaN),
                        number(attribute(x, "Y"), file, "Vertex Y", Double.NaN));
            }
        }
        return new Contents(mpp, regions);
    }

    private static String attribute(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null ? "" : v;
    }

    /** Collects one Region's attributes and vertices. */
    private static final class RegionBuilder {
        private final Path file;
        private final String layer;
        private final int id;
        private final int type;
        private final String geoShape;
        private final String text;
        private final boolean negative;
        private double[] xs = new double[16];
        private double[] ys = new double[16];
        private int n;

        RegionBuilder(Path file, String layer, XMLStreamReader x) throws ResultFileException {
            this.file = file;
            this.layer = layer;
            this.id = (int) number(attribute(x, "Id"), file, "Region Id", 0);
            this.type = (int) number(attribute(x, "Type"), file, "Region Type", TYPE_UNKNOWN);
            this.geoShape = attribute(x, "GeoShape");
            this.text = attribute(x, "Text");
            this.negative = "1".equals(attribute(x, "NegativeROA").trim());
        }

        void add(double x, double y) throws ResultFileException {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new ResultFileException(file, "region " + id + " of layer '" + layer
                        + "' has a vertex without X/Y");
            }
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, 2 * n);
                ys = Arrays.copyOf(ys, 2 * n);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        AnnotationRegion build() {
            double[] vx = Arrays.copyOf(xs, n);
            double[] vy = Arrays.copyOf(ys, n);
            return new AnnotationRegion(layer, id, shape(type, geoShape, vx, vy), text, vx, vy, negative);
        }
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
            double value = Double.parseDouble(text.trim());
            if (!(Math.abs(value) <= AnnotationRegion.MAX_COORDINATE)) {
                throw new ResultFileException(file, what + " is " + text.trim() + ", beyond "
                        + (long) AnnotationRegion.MAX_COORDINATE + ": no slide is that large");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ResultFileException(file, what + " is not a number: '" + text + "'", e);
        }
    }

    /**
     * A StAX factory that does not process DTDs (a DOCTYPE is then refused by {@link #read}) and never
     * resolves external entities (OWASP XXE guidance).
     */
    static XMLInputFactory hardenedFactory() {
        // The JDK's own parser, not whichever StAX implementation a Fiji installation puts first.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused");
        });
        return f;
    }
}
