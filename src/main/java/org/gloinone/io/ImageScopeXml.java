package org.gloinone.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;

/**
 * Writes Aperio ImageScope annotation files ({@code <slide>.xml} and {@code <slide>-masks.xml}).
 *
 * <p>The layout follows what ImageScope itself saves: {@code Annotations(MicronsPerPixel) >
 * Annotation(Id, Name, LineColor, ...) > Attributes, Regions > RegionAttributeHeaders, Region(Id, Type,
 * Zoom, Length, Area, LengthMicrons, AreaMicrons, Text, ...) > Attributes, Vertices > Vertex(X, Y, Z)}.
 * One Annotation layer per class, named after the class and coloured by {@link ClassColors}. Circles
 * are ellipse regions (Type 2) given by two opposite corners of their bounding square; outlines are
 * polygon regions (Type 0). Coordinates are level-0 pixels. Length and Area are in pixels, their
 * Microns twins in um and um^2 (0 when the slide's um/px is unknown, as ImageScope does).
 */
public final class ImageScopeXml {
    /** ImageScope region type of a free-hand polygon. */
    public static final int TYPE_POLYGON = 0;
    /** ImageScope region type of a rectangle. */
    public static final int TYPE_RECTANGLE = 1;
    /** ImageScope region type of an ellipse. */
    public static final int TYPE_ELLIPSE = 2;

    private final boolean includeNonGlomerular;

    /**
     * @param includeNonGlomerular also write a layer with the detections the classifier rejected
     */
    public ImageScopeXml(boolean includeNonGlomerular) {
        this.includeNonGlomerular = includeNonGlomerular;
    }

    /** Writes the circles of {@code result} to {@code file} (atomically). */
    public void writeCircles(SlideResult result, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(out, file, result, false));
    }

    /** Writes the mask outlines of {@code result} to {@code file} (atomically); unsegmented glomeruli are left out. */
    public void writeOutlines(SlideResult result, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(out, file, result, true));
    }

    private void write(OutputStream out, Path file, SlideResult result, boolean outlines) throws IOException {
        Map<String, List<GlomerulusResult>> layers = layers(result, outlines);
        ClassColors colors = ClassColors.of(result);
        OptionalDouble mpp = result.slide().micronsPerPixel();
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            nl(x, 0);
            x.writeStartElement("Annotations");
            x.writeAttribute("MicronsPerPixel", mpp.isPresent() ? Numbers.format(mpp.getAsDouble(), 6) : "0");
            int layerId = 0;
            for (Map.Entry<String, List<GlomerulusResult>> layer : layers.entrySet()) {
                writeLayer(x, ++layerId, layer.getKey(), colors.imageScopeLineColor(layer.getKey()), layer.getValue(),
                        outlines, mpp);
            }
            nl(x, 0);
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
            text.flush();
        } catch (XMLStreamException e) {
            throw new ResultFileException(file, "cannot write XML: " + e.getMessage(), e);
        }
    }

    private Map<String, List<GlomerulusResult>> layers(SlideResult result, boolean outlines) {
        Map<String, List<GlomerulusResult>> layers = new LinkedHashMap<>();
        result.classNames().forEach(c -> layers.put(c, new ArrayList<>()));
        for (GlomerulusResult g : result.glomeruli()) {
            if (!outlines || g.outline().isPresent()) {
                layers.computeIfAbsent(g.className(), k -> new ArrayList<>()).add(g);
            }
        }
        if (includeNonGlomerular) {
            for (GlomerulusResult g : result.rejected()) {
                if (!outlines || g.outline().isPresent()) {
                    layers.computeIfAbsent(g.className(), k -> new ArrayList<>()).add(g);
                }
            }
        }
        return layers;
    }

    private static void writeLayer(XMLStreamWriter x, int id, String name, int lineColor,
                                   List<GlomerulusResult> glomeruli, boolean outlines, OptionalDouble mpp)
            throws XMLStreamException {
        nl(x, 1);
        x.writeStartElement("Annotation");
        x.writeAttribute("Id", Integer.toString(id));
        x.writeAttribute("Name", name);
        x.writeAttribute("ReadOnly", "0");
        x.writeAttribute("NameReadOnly", "0");
        x.writeAttribute("LineColorReadOnly", "0");
        x.writeAttribute("Incremental", "0");
        x.writeAttribute("Type", "4");
        x.writeAttribute("LineColor", Integer.toString(lineColor));
        x.writeAttribute("Visible", "1");
        x.writeAttribute("Selected", "0");
        x.writeAttribute("MarkupImagePath", "");
        x.writeAttribute("MacroName", "");
        nl(x, 2);
        x.writeStartElement("Attributes");
        nl(x, 3);
        x.writeEmptyElement("Attribute");
        x.writeAttribute("Name", "Description");
        x.writeAttribute("Id", "0");
        x.writeAttribute("Value", name);
        nl(x, 2);
        x.writeEndElement();
        nl(x, 2);
        x.writeStartElement("Regions");
        writeHeaders(x);
        for (GlomerulusResult g : glomeruli) {
            writeRegion(x, g, outlines, mpp);
        }
        nl(x, 2);
        x.writeEndElement();
        nl(x, 2);
        x.writeEmptyElement("Plots");
        nl(x, 1);
        x.writeEndElement();
    }

    private static void writeHeaders(XMLStreamWriter x) throws XMLStreamException {
        nl(x, 3);
        x.writeStartElement("RegionAttributeHeaders");
        String[][] headers = {{"9999", "Region"}, {"9997", "Length"}, {"9996", "Area"}, {"9998", "Text"},
            {"1", "Description"}};
        for (String[] h : headers) {
            nl(x, 4);
            x.writeEmptyElement("AttributeHeader");
            x.writeAttribute("Id", h[0]);
            x.writeAttribute("Name", h[1]);
            x.writeAttribute("ColumnWidth", "-1");
        }
        nl(x, 3);
        x.writeEndElement();
    }

    private static void writeRegion(XMLStreamWriter x, GlomerulusResult g, boolean outline, OptionalDouble mpp)
            throws XMLStreamException {
        double[] xs;
        double[] ys;
        double lengthPx;
        double areaPx;
        String text;
        if (outline) {
            Outline o = g.outline().orElseThrow();
            xs = o.xs();
            ys = o.ys();
            lengthPx = Polygons.perimeter(xs, ys);
            areaPx = Polygons.area(xs, ys);
            text = ResultNames.label(g.id()) + " " + g.className();
        } else {
            Circle c = g.detection().circle();
            xs = new double[] {c.centerX() - c.radius(), c.centerX() + c.radius()};
            ys = new double[] {c.centerY() - c.radius(), c.centerY() + c.radius()};
            lengthPx = 2 * Math.PI * c.radius();
            areaPx = c.area();
            text = g.className() + " " + Numbers.format(g.detection().score(), 2);
        }
        double m = mpp.orElse(0);
        nl(x, 3);
        x.writeStartElement("Region");
        x.writeAttribute("Id", Integer.toString(g.id()));
        x.writeAttribute("Type", Integer.toString(outline ? TYPE_POLYGON : TYPE_ELLIPSE));
        x.writeAttribute("Zoom", "1");
        x.writeAttribute("Selected", "0");
        x.writeAttribute("ImageLocation", "");
        x.writeAttribute("ImageFocus", "-1");
        x.writeAttribute("Length", Numbers.format(lengthPx, 1));
        x.writeAttribute("Area", Numbers.format(areaPx, 1));
        x.writeAttribute("LengthMicrons", Numbers.format(lengthPx * m, 1));
        x.writeAttribute("AreaMicrons", Numbers.format(areaPx * m * m, 1));
        x.writeAttribute("Text", text);
        x.writeAttribute("NegativeROA", "0");
        x.writeAttribute("InputRegionId", "0");
        x.writeAttribute("Analyze", "1");
        x.writeAttribute("DisplayId", Integer.toString(g.id()));
        nl(x, 4);
        x.writeEmptyElement("Attributes");
        nl(x, 4);
        x.writeStartElement("Vertices");
        for (int i = 0; i < xs.length; i++) {
            nl(x, 5);
            x.writeEmptyElement("Vertex");
            x.writeAttribute("X", Numbers.format(xs[i], 3));
            x.writeAttribute("Y", Numbers.format(ys[i], 3));
            x.writeAttribute("Z", "0");
        }
        nl(x, 4);
        x.writeEndElement();
        nl(x, 3);
        x.writeEndElement();
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "\t".repeat(depth));
    }
}
